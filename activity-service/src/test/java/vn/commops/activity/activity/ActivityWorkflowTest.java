package vn.commops.activity.activity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

/** Corrections, verification and withdrawal: revisions, illegal transitions, who may do what, the events. */
@QuarkusTest
class ActivityWorkflowTest {

    private String province;
    private String commune;

    @BeforeEach
    void units() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
    }

    private String recorded() {
        return asNationalAdmin().contentType(ContentType.JSON).body(Fixtures.withPhoto(Fixtures.smallGroup(commune)))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> decision(String decision, String reason) {
        return reason == null ? Map.of("decision", decision) : Map.of("decision", decision, "reason", reason);
    }

    @Test
    void aCorrectionMakesANewRevisionKeepsTheOldOneAndIsPublishedWhole() {
        String id = recorded();
        Map<String, Object> corrected = Fixtures.smallGroup(commune);
        corrected.put("attendance", 41);
        corrected.put("newSocialInsurance", 3);

        as("unit-officer", commune).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(corrected)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("revision", equalTo(2)).body("attendance", equalTo(41)).body("lastChange", equalTo("CORRECTED"));
        as("unit-officer", commune).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(corrected)
                .when().put("/api/v1/activities/" + id).then().statusCode(412);

        asNationalAdmin().when().get("/api/v1/activities/" + id + "/revisions").then().statusCode(200)
                .body("revision", contains(1, 2)).body("change", contains("RECORDED", "CORRECTED"))
                .body("activity.attendance", contains(35, 41));
        JsonNode data = TopicProbe.awaitEvent(ActivityEvents.TOPIC, ActivityEvents.CORRECTED, id).value().path("data");
        assertEquals(2, data.path("revision").asInt());
        assertEquals(41, data.path("attendance").asInt());
        assertEquals(3, data.path("newSocialInsurance").asInt());
        assertEquals(1, data.path("quantity").asInt());
        assertEquals("DIRECT", data.path("channel").asText());
        assertEquals("REPORTED", data.path("verificationStatus").asText());
        assertEquals("/VN/" + province + "/" + commune + "/", data.path("orgUnitPath").asText());
    }

    @Test
    void aManagerVerifiesAndADecidedActivityCannotBeDecidedAgain() {
        String id = recorded();
        as("unit-manager", province).contentType(ContentType.JSON).body(decision("VERIFIED", null))
                .when().post("/api/v1/activities/" + id + "/verification")
                .then().statusCode(200).body("verificationStatus", equalTo("VERIFIED")).body("revision", equalTo(2));
        as("unit-manager", province).contentType(ContentType.JSON).body(decision("REJECTED", "trùng"))
                .when().post("/api/v1/activities/" + id + "/verification")
                .then().statusCode(409).contentType("application/problem+json");

        JsonNode data = TopicProbe.awaitEvent(ActivityEvents.TOPIC, ActivityEvents.VERIFIED, id).value().path("data");
        assertEquals("VERIFIED", data.path("verificationStatus").asText());
        assertEquals(35, data.path("attendance").asInt());
    }

    @Test
    void needingInformationAndRejectingTakeAReasonAndACorrectionReopens() {
        String id = recorded();
        as("unit-manager", province).contentType(ContentType.JSON).body(decision("NEEDS_INFORMATION", null))
                .when().post("/api/v1/activities/" + id + "/verification")
                .then().statusCode(422).body("errors[0].field", equalTo("reason"));
        as("unit-manager", province).contentType(ContentType.JSON)
                .body(decision("NEEDS_INFORMATION", "Thiếu danh sách người tham dự"))
                .when().post("/api/v1/activities/" + id + "/verification")
                .then().statusCode(200).body("verificationStatus", equalTo("NEEDS_INFORMATION"))
                .body("changeReason", equalTo("Thiếu danh sách người tham dự"));
        as("unit-manager", province).contentType(ContentType.JSON).body(decision("REJECTED", "Không có bằng chứng"))
                .when().post("/api/v1/activities/" + id + "/verification")
                .then().statusCode(200).body("verificationStatus", equalTo("REJECTED"));

        Map<String, Object> corrected = Fixtures.smallGroup(commune);
        corrected.put("evidence", List.of(Map.of("url", "https://bhxh.laocai.gov.vn/anh/nhom-nho.jpg")));
        asNationalAdmin().contentType(ContentType.JSON).body(corrected).when().put("/api/v1/activities/" + id)
                .then().statusCode(200).body("verificationStatus", equalTo("REPORTED")).body("revision", equalTo(4));
    }

    @Test
    void onlyManagersOverTheUnitDecide() {
        String id = recorded();
        String[] elsewhere = OrgUnitEventsFixture.knownProvinceAndCommune();
        as("unit-manager", elsewhere[0]).contentType(ContentType.JSON).body(decision("VERIFIED", null))
                .when().post("/api/v1/activities/" + id + "/verification").then().statusCode(403);
        as("unit-officer", commune).contentType(ContentType.JSON).body(decision("VERIFIED", null))
                .when().post("/api/v1/activities/" + id + "/verification").then().statusCode(403);
        asPartner("post-office", province).contentType(ContentType.JSON).body(decision("VERIFIED", null))
                .when().post("/api/v1/activities/" + id + "/verification").then().statusCode(403);
        asNationalAdmin().when().get("/api/v1/activities/" + id).then().body("verificationStatus", equalTo("REPORTED"));
    }

    @Test
    void aPartnerMayNotStateVerificationNorReportAFormItIsNotGranted() {
        String partner = Fixtures.partner("labour-federation", List.of(province), "ADVISORY_BOOTH");
        Map<String, Object> booth = Fixtures.smallGroup(commune);
        booth.put("form", "ADVISORY_BOOTH");
        booth.put("attendance", 68);
        booth.put("verificationStatus", "VERIFIED");
        asPartner(partner, province).contentType(ContentType.JSON).body(booth).when().post("/api/v1/activities")
                .then().statusCode(403).body("errors.field", contains("verificationStatus"));

        Map<String, Object> group = Fixtures.smallGroup(commune);
        asPartner(partner, province).contentType(ContentType.JSON).body(group).when().post("/api/v1/activities")
                .then().statusCode(403).body("errors.field", contains("form"));
        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities")
                .then().body("totalItems", equalTo(0));

        booth.remove("verificationStatus");
        booth.put("partnerId", "someone-else");
        asPartner(partner, province).contentType(ContentType.JSON).body(booth).when().post("/api/v1/activities")
                .then().statusCode(201).body("partnerId", equalTo(partner)).body("verificationStatus", equalTo("REPORTED"));
    }

    @Test
    void aWithdrawnActivityIsATombstoneThatCannotBeWithdrawnOrCorrectedAgain() {
        String id = recorded();
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/activities/" + id + "/withdrawal")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        as("unit-officer", commune).contentType(ContentType.JSON).body(Map.of("reason", "Nhập trùng"))
                .when().post("/api/v1/activities/" + id + "/withdrawal")
                .then().statusCode(200).body("withdrawn", equalTo(true)).body("revision", equalTo(2));
        as("unit-officer", commune).contentType(ContentType.JSON).body(Map.of("reason", "Nhập trùng"))
                .when().post("/api/v1/activities/" + id + "/withdrawal").then().statusCode(409);
        asNationalAdmin().contentType(ContentType.JSON).body(Fixtures.smallGroup(commune))
                .when().put("/api/v1/activities/" + id).then().statusCode(409);

        JsonNode data = TopicProbe.awaitEvent(ActivityEvents.TOPIC, ActivityEvents.WITHDRAWN, id).value().path("data");
        assertTrue(data.path("withdrawn").asBoolean());
        assertEquals(35, data.path("attendance").asInt());
    }

    @Test
    void aSingleRecordIsIdempotentByExternalIdAndByClientId() {
        Map<String, Object> body = Fixtures.smallGroup(commune);
        body.put("externalId", "SO-LC-0001");
        String id = asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(201).extract().path("id");
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(200).body("id", equalTo(id));
        body.put("attendance", 36);
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(409).body("errors[0].field", equalTo("externalId"));

        String clientId = UUID.randomUUID().toString();
        Map<String, Object> offline = Fixtures.smallGroup(commune);
        offline.put("clientId", clientId);
        asNationalAdmin().contentType(ContentType.JSON).body(offline).when().post("/api/v1/activities")
                .then().statusCode(201).body("id", equalTo(clientId)).body("clientId", equalTo(clientId));
        asNationalAdmin().contentType(ContentType.JSON).body(offline).when().post("/api/v1/activities")
                .then().statusCode(200).body("id", equalTo(clientId));
        offline.put("attendance", 36);
        asNationalAdmin().contentType(ContentType.JSON).body(offline).when().post("/api/v1/activities")
                .then().statusCode(409).body("errors[0].field", equalTo("clientId"));
        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities")
                .then().body("totalItems", equalTo(2)).body("items[0].id", notNullValue());
    }
}
