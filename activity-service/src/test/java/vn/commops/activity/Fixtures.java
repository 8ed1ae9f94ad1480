package vn.commops.activity;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import vn.commops.common.testing.TestTokens;

/** Partners and activity bodies the tests share. */
public final class Fixtures {

    /** The forms plan-service's catalogue is seeded with, as the replica's migration seeds them too. */
    public static final List<String> SEEDED_FORMS = List.of("BANNER", "SLOGAN", "LAUNCH_CEREMONY", "CONFERENCE",
            "DIALOGUE", "SMALL_GROUP", "ADVISORY_BOOTH", "ONE_STOP_DESK", "HOTLINE", "ART_PERFORMANCE",
            "MOBILE_CAMPAIGN", "NEWS_ARTICLE", "RADIO_BROADCAST", "LOUDSPEAKER_BROADCAST", "INFOGRAPHIC",
            "MOTION_GRAPHIC", "PORTAL_POST", "SOCIAL_POST", "LIVESTREAM", "ONLINE_CONTEST", "LEAFLET", "BROCHURE",
            "PROMOTIONAL_ITEM", "BOOK_AND_CARD_DONATION", "TELEVISION_BROADCAST", "SEMINAR", "TALK_SHOW");

    private Fixtures() {
    }

    /** Registers a partner granted these subtrees and forms (all forms when none given); returns its id. */
    public static String partner(String stem, List<String> orgUnits, String... forms) {
        String id = stem + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Đối tác " + id);
        body.put("kind", "POST_OFFICE");
        body.put("orgUnits", orgUnits);
        body.put("forms", forms.length == 0 ? SEEDED_FORMS : List.of(forms));
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/partners")
                .then().statusCode(201);
        return id;
    }

    public static Map<String, Object> smallGroup(String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", unit);
        body.put("form", "SMALL_GROUP");
        body.put("title", "Tuyên truyền nhóm nhỏ tại thôn Hồ Phai");
        body.put("startedAt", "2024-05-13T08:00:00+07:00");
        body.put("endedAt", "2024-05-13T10:30:00+07:00");
        body.put("attendance", 35);
        return body;
    }

    /** The body with a geotagged photo, the evidence the direct forms' default rule asks of a verification. */
    public static Map<String, Object> withPhoto(Map<String, Object> body) {
        body.put("evidence", List.of(Map.of("url", "https://bhxh.laocai.gov.vn/anh/nhom-nho-ho-phai.jpg",
                "capturedAt", "2024-05-13T08:40:00+07:00", "latitude", 22.2385, "longitude", 104.1421)));
        return body;
    }

    /** A manager of these units with a name of their own: four eyes tells people apart by name. */
    public static RequestSpecification asManager(String name, String... orgUnits) {
        return RestAssured.given().auth().oauth2(TestTokens.token(name, List.of("unit-manager"), List.of(orgUnits)));
    }

    public static Map<String, Object> livestream(String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", unit);
        body.put("form", "LIVESTREAM");
        body.put("title", "Livestream chính sách BHXH tự nguyện");
        body.put("startedAt", "2024-05-22T20:00:00+07:00");
        body.put("reach", 18600);
        body.put("plays", 18600);
        return body;
    }
}
