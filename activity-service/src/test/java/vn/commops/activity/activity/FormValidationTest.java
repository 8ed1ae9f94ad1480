package vn.commops.activity.activity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Each form must report the figures it is counted by, and every fault is named in one answer. */
@QuarkusTest
class FormValidationTest {

    private String commune;

    @BeforeEach
    void unit() {
        commune = OrgUnitEventsFixture.knownCommune();
    }

    private Map<String, Object> bare(String form) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", commune);
        body.put("form", form);
        body.put("title", "Hoạt động truyền thông");
        body.put("startedAt", "2024-05-15T08:00:00+07:00");
        return body;
    }

    private void refused(Map<String, Object> body, String... fields) {
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:invalid-activity"))
                .body("errors.field", contains(fields));
    }

    private void accepted(Map<String, Object> body) {
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(201);
    }

    @Test
    void directFormsNeedTheirAttendance() {
        for (String form : List.of("CONFERENCE", "DIALOGUE", "SMALL_GROUP", "ADVISORY_BOOTH", "LAUNCH_CEREMONY")) {
            refused(bare(form), "attendance");
        }
        Map<String, Object> booth = bare("ADVISORY_BOOTH");
        booth.put("attendance", 68);
        accepted(booth);
    }

    @Test
    void aLivestreamNeedsPlaysOrInteractions() {
        refused(bare("LIVESTREAM"), "interactions", "plays");
        Map<String, Object> livestream = bare("LIVESTREAM");
        livestream.put("interactions", 2000);
        accepted(livestream);
    }

    @Test
    void aBroadcastNeedsACountOrADuration() {
        refused(bare("LOUDSPEAKER_BROADCAST"), "durationMinutes", "quantity");
        Map<String, Object> broadcast = bare("RADIO_BROADCAST");
        broadcast.put("durationMinutes", 15);
        accepted(broadcast);
    }

    @Test
    void articlesAndPostsNeedALinkOrTheirReach() {
        refused(bare("NEWS_ARTICLE"), "link", "reach");
        Map<String, Object> post = bare("SOCIAL_POST");
        post.put("link", "https://facebook.com/bhxhlaocai/posts/1");
        accepted(post);
    }

    @Test
    void aDonationCountsItsBooksAndCardsAndBannersTheirQuantity() {
        refused(bare("BOOK_AND_CARD_DONATION"), "booksAndCardsDonated");
        Map<String, Object> donation = bare("BOOK_AND_CARD_DONATION");
        donation.put("booksAndCardsDonated", 0);
        refused(donation, "booksAndCardsDonated");
        refused(bare("BANNER"), "quantity");
    }

    @Test
    void everyFaultOfOneRecordIsNamedAtOnce() {
        Map<String, Object> body = bare("CONFERENCE");
        body.put("latitude", 22.4);
        body.put("evidence", List.of(Map.of("url", "https://bhxh.laocai.gov.vn/anh/1.jpg", "longitude", 104.1)));
        refused(body, "attendance", "evidence[0].latitude", "longitude");
    }

    @Test
    void malformedValuesAreABadRequestNamingEachField() {
        Map<String, Object> body = bare("CONFERENCE");
        body.put("attendance", -5);
        body.put("endedAt", "2024-05-14T08:00:00+07:00");
        body.put("evidence", List.of(Map.of("url", "ftp://x", "sha256", "XYZ")));
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(400)
                .body("type", equalTo("urn:commops:problem:validation"))
                .body("errors.field", contains("attendance", "endedAt", "evidence[0].sha256", "evidence[0].url"));
    }
}
