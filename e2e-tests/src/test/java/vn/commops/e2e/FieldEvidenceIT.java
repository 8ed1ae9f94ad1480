package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;
import static vn.commops.e2e.Gateway.awaitKnown;
import static vn.commops.e2e.Gateway.withApiKey;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.PhotoFixtures;

/**
 * Field data a provincial reviewer can trust, through the gateway: a manager reports a small group and uploads
 * its photo, whose EXIF time and position are checked against the activity; the reporter's own verification is
 * refused and a second manager verifies it; then 5 % of a partner's 1,000-record batch is drawn for review,
 * decided, and the outcome extends to the rest of the batch.
 */
class FieldEvidenceIT {

    private static final Map<String, String> VERIFIED = Map.of("decision", "VERIFIED");

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    @Test
    void aPhotographedActivityIsVerifiedByASecondManagerAndAPartnersBatchBySample() {
        String[] units = Gateway.createHierarchy("EV", "Bảo hiểm xã hội tỉnh Lào Cai", "Xã Hồ Phai");
        String province = units[1];
        String commune = units[2];
        RequestSpecification reporter = as("lc-manager", province);
        RequestSpecification reviewer = as("lc-reviewer", province);

        Map<String, Object> smallGroup = new HashMap<>(Map.of("orgUnitCode", commune, "form", "SMALL_GROUP",
                "title", "Tuyên truyền nhóm nhỏ tại thôn Hồ Phai", "startedAt", "2024-05-13T08:00:00+07:00",
                "endedAt", "2024-05-13T10:30:00+07:00", "attendance", 35, "latitude", 22.2385, "longitude", 104.1421));
        String[] activity = new String[1];
        awaitKnown(() -> {
            var response = reporter.contentType(ContentType.JSON).body(smallGroup).when().post("/api/v1/activities");
            activity[0] = response.statusCode() == 201 ? response.path("id") : null;
            return response.statusCode();
        });
        String files = "/api/v1/activities/" + activity[0] + "/evidence-files";

        byte[] photo = PhotoFixtures.jpegWithExif(800, 600, "2024:05:13 09:15:00", "+07:00", 22.2501, 104.1502);
        String sha256 = PhotoFixtures.sha256(photo);
        reporter.contentType("image/jpeg").header("X-Content-SHA256", sha256).body(photo).when().post(files)
                .then().statusCode(201).body("sha256", equalTo(sha256)).body("mediaType", equalTo("image/jpeg"))
                .body("capturedAt", equalTo("2024-05-13T02:15:00Z"))
                .body("findings.timeMatches", is(true)).body("findings.positionMatches", is(true));
        as("viewer").when().get(files + "/" + sha256 + "/thumbnail").then().statusCode(200).contentType("image/jpeg");

        reporter.contentType(ContentType.JSON).body(VERIFIED)
                .when().post("/api/v1/activities/" + activity[0] + "/verification")
                .then().statusCode(403).body("type", endsWith("own-report"));
        reviewer.contentType(ContentType.JSON).body(VERIFIED)
                .when().post("/api/v1/activities/" + activity[0] + "/verification")
                .then().statusCode(200).body("verificationStatus", equalTo("VERIFIED"));

        String partnerId = "vnpost-" + Gateway.uniqueSuffix().toLowerCase();
        Map<String, Object> registration = Map.of("id", partnerId, "name", "Bưu điện tỉnh Lào Cai", "kind", "OTHER",
                "orgUnits", List.of(province), "forms", List.of("LEAFLET"));
        awaitKnown(() -> admin().contentType(ContentType.JSON).body(registration).when().post("/api/v1/partners")
                .then().extract().statusCode());
        String apiKey = admin().when().post("/api/v1/partners/" + partnerId + "/keys")
                .then().statusCode(201).extract().path("key");
        // The partner's photo goes ahead of the batch, whose first ten records name it by its hash.
        byte[] handout = PhotoFixtures.jpegWithExif(640, 480, "2024:05:14 09:00:00", "+07:00", 22.2385, 104.1421);
        String handoutSha256 = withApiKey(apiKey).contentType("image/jpeg").body(handout)
                .when().post("/api/v1/evidence-files").then().statusCode(201).extract().path("sha256");
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> record = new HashMap<>(Map.of("externalId", partnerId + "-" + i, "orgUnitCode", commune,
                    "form", "LEAFLET", "title", "Phát tờ rơi BHXH tự nguyện", "startedAt", "2024-05-14T08:00:00+07:00",
                    "quantity", 50));
            if (i < 10) {
                record.put("evidence", List.of(Map.of("sha256", handoutSha256)));
            }
            batch.add(record);
        }
        String first = withApiKey(apiKey).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/activities/batches")
                .then().statusCode(200).body("created", equalTo(1000)).extract().path("results[0].id");
        withApiKey(apiKey).when().get("/api/v1/activities/" + first + "/evidence-files").then().statusCode(200)
                .body("sha256", equalTo(List.of(handoutSha256))).body("[0].findings.timeMatches", is(true));

        JsonPath sample = reviewer.contentType(ContentType.JSON).body(Map.of("partnerId", partnerId,
                        "orgUnitCode", province, "recordedFrom", before.toString(),
                        "recordedTo", OffsetDateTime.now().plusMinutes(1).toString(), "percent", 5, "seed", 2024))
                .when().post("/api/v1/review-samples").then().statusCode(201).extract().jsonPath();
        assertEquals(1000, sample.getInt("batchSize"));
        List<String> members = sample.getList("members.activityId");
        assertEquals(50, members.size());
        for (String member : members) {
            reviewer.contentType(ContentType.JSON).body(VERIFIED)
                    .when().post("/api/v1/activities/" + member + "/verification").then().statusCode(200);
        }
        reviewer.when().get("/api/v1/review-samples/" + sample.getString("id")).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("extended", equalTo(950));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("viewer").queryParam("orgUnit", commune)
                .queryParam("form", "LEAFLET").queryParam("verificationStatus", "VERIFIED").queryParam("size", 1)
                .when().get("/api/v1/activities").then().statusCode(200).body("totalItems", equalTo(1000)));
    }
}
