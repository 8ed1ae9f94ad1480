package vn.commops.activity.verification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.commops.activity.Fixtures.asManager;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

/** A sampled review of a partner's batch: drawn reproducibly, decided member by member, extended to the batch. */
@QuarkusTest
class ReviewSampleTest {

    private String province;
    private String commune;
    private String partner;

    @BeforeEach
    void units() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
        partner = Fixtures.partner("sampled-post", List.of(province));
    }

    /** The partner's batch: livestreams, and small groups (whose rule asks for a photo) at these positions. */
    private List<String> batch(int size, List<Integer> smallGroups) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, Object> record = smallGroups.contains(i) ? Fixtures.smallGroup(commune) : Fixtures.livestream(commune);
            record.put("externalId", "VNPOST-" + commune + "-" + i);
            records.add(record);
        }
        return asPartner(partner, province).contentType(ContentType.JSON).body(records)
                .when().post("/api/v1/activities/batches").then().statusCode(200)
                .body("created", equalTo(size)).extract().jsonPath().getList("results.id");
    }

    private Map<String, Object> sampleOf(OffsetDateTime from, int percent, long seed) {
        return Map.of("partnerId", partner, "orgUnitCode", province, "recordedFrom", from.toString(),
                "recordedTo", OffsetDateTime.now().plusMinutes(1).toString(), "percent", percent, "seed", seed);
    }

    private static JsonPath draw(Map<String, Object> request) {
        return asManager("tinh-manager", "VN").contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/review-samples").then().statusCode(201).extract().jsonPath();
    }

    /** The stated draw: ids ordered by md5("seed:id"), the first ceil(n %) of them. */
    private static List<String> expectedDraw(List<String> ids, long seed, int count) {
        return ids.stream().sorted(Comparator.comparing((String id) -> md5(seed + ":" + id)).thenComparing(id -> id))
                .limit(count).toList();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void decide(String id, String decision) {
        Map<String, Object> body = decision.equals("VERIFIED") ? Map.of("decision", decision)
                : Map.of("decision", decision, "reason", "Không khớp với sổ theo dõi");
        asManager("tinh-manager", "VN").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities/" + id + "/verification").then().statusCode(200);
    }

    private long count(String status) {
        return asNationalAdmin().queryParam("orgUnit", commune).queryParam("verificationStatus", status).queryParam("size", 1)
                .when().get("/api/v1/activities").then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    @Test
    void fivePercentOfAThousandIsFiftyDrawnTheSameWayForTheSameSeedAndAnAcceptedSampleVerifiesTheBatch() {
        OffsetDateTime from = OffsetDateTime.now().minusMinutes(1);
        List<String> ids = batch(1000, List.of(3, 700));
        List<String> unverifiable = List.of(ids.get(3), ids.get(700));
        long seed = 1;
        while (expectedDraw(ids, seed, 50).stream().anyMatch(unverifiable::contains)) {
            seed++;
        }

        JsonPath sample = draw(sampleOf(from, 5, seed));
        String sampleId = sample.getString("id");
        assertEquals(1000, sample.getInt("batchSize"));
        assertEquals(50, sample.getInt("sampleSize"));
        List<String> members = sample.getList("members.activityId");
        assertEquals(expectedDraw(ids, seed, 50), members);
        TopicProbe.awaitEvent(VerificationEvents.SAMPLES_TOPIC, VerificationEvents.SAMPLE_DRAWN, sampleId);
        asManager("tinh-manager", "VN").contentType(ContentType.JSON).body(sampleOf(from, 5, seed))
                .when().post("/api/v1/review-samples").then().statusCode(409)
                .body("type", equalTo("urn:commops:problem:sample-overlaps"));

        members.forEach(id -> decide(id, "VERIFIED"));

        asManager("tinh-manager", "VN").when().get("/api/v1/review-samples/" + sampleId).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("rejected", equalTo(0)).body("extended", equalTo(950))
                .body("decided", equalTo(50)).body("decidedBy", equalTo("tinh-manager"))
                .body("outcomeReason", containsString("sample " + sampleId + " accepted"));
        assertEquals(998, count("VERIFIED"));
        assertEquals(2, count("NEEDS_INFORMATION"));
        assertEquals(0, count("REPORTED"));
        asNationalAdmin().when().get("/api/v1/activities/" + ids.get(3)).then()
                .body("changeReason", containsString("evidence")).body("revision", equalTo(2));
        String extended = ids.stream().filter(id -> !members.contains(id) && !unverifiable.contains(id)).findFirst().get();
        asNationalAdmin().when().get("/api/v1/activities/" + extended).then().body("verificationStatus", equalTo("VERIFIED"))
                .body("revision", equalTo(2)).body("changeReason", containsString("sample " + sampleId + " accepted"));
        JsonNode decided = TopicProbe.awaitEvent(VerificationEvents.SAMPLES_TOPIC, VerificationEvents.SAMPLE_DECIDED,
                sampleId).value().path("data");
        assertEquals("ACCEPTED", decided.path("status").asText());
        assertEquals(950, decided.path("extended").asInt());
        JsonNode revision = TopicProbe.awaitEvent("activities", "activity.verified", extended).value().path("data");
        assertEquals("VERIFIED", revision.path("verificationStatus").asText());
        assertEquals(2, revision.path("revision").asInt());

        // Once decided, the same seed over the same batch draws the very same sample again.
        assertEquals(members, draw(sampleOf(from, 5, seed)).getList("members.activityId"));
    }

    @Test
    void aRejectionBeyondTheAllowedShareRefusesTheSampleAndAsksTheBatchForInformation() {
        OffsetDateTime from = OffsetDateTime.now().minusMinutes(1);
        batch(40, List.of());
        JsonPath sample = draw(sampleOf(from, 10, 7));
        String sampleId = sample.getString("id");
        List<String> members = sample.getList("members.activityId");
        assertEquals(4, members.size());

        decide(members.get(0), "REJECTED");
        decide(members.get(1), "VERIFIED");
        decide(members.get(2), "VERIFIED");
        asManager("tinh-manager", "VN").when().get("/api/v1/review-samples/" + sampleId).then()
                .body("status", equalTo("OPEN")).body("decided", equalTo(3));
        decide(members.get(3), "VERIFIED");

        asManager("tinh-manager", "VN").when().get("/api/v1/review-samples/" + sampleId).then()
                .body("status", equalTo("REFUSED")).body("rejected", equalTo(1)).body("extended", equalTo(36))
                .body("outcomeReason", containsString("refused: 1 of 4"));
        assertEquals(36, count("NEEDS_INFORMATION"));
        assertEquals(3, count("VERIFIED"));
        assertEquals(1, count("REJECTED"));

        asManager("tinh-manager", province).queryParam("orgUnit", province).queryParam("partnerId", partner)
                .when().get("/api/v1/review-samples").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(sampleId))
                .body("items[0].status", equalTo("REFUSED")).body("items[0].extended", equalTo(36));
        asManager("tinh-manager", province).queryParam("orgUnit", province).queryParam("partnerId", partner)
                .queryParam("status", "OPEN").when().get("/api/v1/review-samples").then().statusCode(200)
                .body("totalItems", equalTo(0));
        String elsewhere = OrgUnitEventsFixture.knownProvinceAndCommune()[0];
        asManager("tinh-manager", elsewhere).queryParam("orgUnit", province).when().get("/api/v1/review-samples")
                .then().statusCode(403);
        asManager("tinh-manager", elsewhere).queryParam("orgUnit", elsewhere).when().get("/api/v1/review-samples")
                .then().statusCode(200).body("totalItems", equalTo(0));
        asManager("tinh-manager", province).when().get("/api/v1/review-samples").then().statusCode(400)
                .body("errors[0].field", equalTo("orgUnit"));
    }

    @Test
    void aSampleIsDrawnOnlyFromARealBatchWithinTheCallersGrants() {
        OffsetDateTime from = OffsetDateTime.now().minusMinutes(1);
        asManager("tinh-manager", "VN").contentType(ContentType.JSON).body(sampleOf(from, 5, 1))
                .when().post("/api/v1/review-samples").then().statusCode(422)
                .body("errors[0].field", equalTo("recordedFrom"));
        batch(3, List.of());
        String elsewhere = OrgUnitEventsFixture.knownProvinceAndCommune()[0];
        asManager("tinh-manager", elsewhere).contentType(ContentType.JSON).body(sampleOf(from, 5, 1))
                .when().post("/api/v1/review-samples").then().statusCode(403);
        Map<String, Object> unknownPartner = new java.util.HashMap<>(sampleOf(from, 5, 1));
        unknownPartner.put("partnerId", "no-such-partner-" + UUID.randomUUID());
        asManager("tinh-manager", "VN").contentType(ContentType.JSON).body(unknownPartner)
                .when().post("/api/v1/review-samples").then().statusCode(422).body("errors[0].field", equalTo("partnerId"));
        String key = "sample-" + UUID.randomUUID();
        String first = asManager("tinh-manager", "VN").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(sampleOf(from, 5, 1)).when().post("/api/v1/review-samples").then().statusCode(201)
                .body("sampleSize", equalTo(1)).extract().path("id");
        asManager("tinh-manager", "VN").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(sampleOf(from, 5, 1)).when().post("/api/v1/review-samples").then().statusCode(200)
                .body("id", equalTo(first));
        assertFalse(first.isEmpty());
    }
}
