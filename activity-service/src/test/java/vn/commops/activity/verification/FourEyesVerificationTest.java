package vn.commops.activity.verification;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.commops.activity.Fixtures.asManager;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

/** Four eyes on verification decisions, the evidence rule per form, and the review queue. */
@QuarkusTest
class FourEyesVerificationTest {

    private String province;
    private String commune;

    @BeforeEach
    void units() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
    }

    private static String record(RequestSpecification reporter, Map<String, Object> body) {
        return reporter.contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse decide(RequestSpecification decider, String id,
            String decision, String reason) {
        Map<String, Object> body = reason == null ? Map.of("decision", decision) : Map.of("decision", decision, "reason", reason);
        return decider.contentType(ContentType.JSON).body(body).when().post("/api/v1/activities/" + id + "/verification")
                .then();
    }

    @Test
    void reportersOwnVerificationIsRefused() {
        String id = record(asManager("lan-manager", province), Fixtures.withPhoto(Fixtures.smallGroup(commune)));
        decide(asManager("lan-manager", province), id, "VERIFIED", null).statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:commops:problem:own-report"))
                .body("errors[0].field", equalTo("id")).body("detail", containsString("You reported"));
        decide(asManager("lan-manager", province), id, "REJECTED", "trùng").statusCode(403);
        asNationalAdmin().when().get("/api/v1/activities/" + id).then().body("revision", equalTo(1));

        decide(asManager("minh-manager", province), id, "VERIFIED", null).statusCode(200)
                .body("verificationStatus", equalTo("VERIFIED")).body("changedBy", equalTo("minh-manager"));
    }

    @Test
    void aNationalAdminIsNotExemptFromTheOwnRecordRule() {
        String id = record(asNationalAdmin(), Fixtures.withPhoto(Fixtures.smallGroup(commune)));
        decide(asNationalAdmin(), id, "VERIFIED", null).statusCode(403)
                .body("type", equalTo("urn:commops:problem:own-report"));
    }

    @Test
    void whoeverCorrectedAnActivityDoesNotDecideIt() {
        String id = record(as("unit-officer", commune), Fixtures.withPhoto(Fixtures.smallGroup(commune)));
        Map<String, Object> corrected = Fixtures.withPhoto(Fixtures.smallGroup(commune));
        corrected.put("attendance", 40);
        asManager("hoa-manager", province).contentType(ContentType.JSON).body(corrected)
                .when().put("/api/v1/activities/" + id).then().statusCode(200);
        decide(asManager("hoa-manager", province), id, "VERIFIED", null).statusCode(403)
                .body("type", equalTo("urn:commops:problem:own-report"));
        decide(asManager("binh-manager", province), id, "VERIFIED", null).statusCode(200);
    }

    @Test
    void ownUnitsSelfReportIsRefusedButAHigherUnitsManagerMayDecide() {
        String id = record(as("unit-officer", commune), Fixtures.withPhoto(Fixtures.smallGroup(commune)));
        decide(asManager("xa-manager", commune), id, "VERIFIED", null).statusCode(403)
                .body("type", equalTo("urn:commops:problem:own-report"))
                .body("detail", containsString("reported by its own unit"));
        decide(asManager("tinh-manager", province), id, "VERIFIED", null).statusCode(200);

        // Reported by the province for the commune: the commune's own manager may decide it.
        String fromAbove = record(asManager("tinh-manager", province), Fixtures.withPhoto(Fixtures.smallGroup(commune)));
        decide(asManager("xa-manager", commune), fromAbove, "VERIFIED", null).statusCode(200);
    }

    @Test
    void aReporterMayNotStateADecisionWhenRecording() {
        Map<String, Object> body = Fixtures.withPhoto(Fixtures.smallGroup(commune));
        body.put("verificationStatus", "VERIFIED");
        asManager("lan-manager", province).contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(403).body("errors.field", contains("verificationStatus"));
    }

    @Test
    void verificationWithoutTheRequiredPhotoIsRefusedNamingEvidence() {
        String bare = record(as("unit-officer", commune), Fixtures.smallGroup(commune));
        decide(asManager("tinh-manager", province), bare, "VERIFIED", null).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:evidence-rule-not-met"))
                .body("errors.field", everyItem(equalTo("evidence")))
                .body("errors.message", hasItem(containsString("a photo with capture position")));

        Map<String, Object> document = Fixtures.smallGroup(commune);
        document.put("evidence", List.of(Map.of("url", "https://bhxh.laocai.gov.vn/bien-ban.pdf",
                "latitude", 22.2385, "longitude", 104.1421)));
        String withDocument = record(as("unit-officer", commune), document);
        decide(asManager("tinh-manager", province), withDocument, "VERIFIED", null).statusCode(422);

        decide(asManager("tinh-manager", province), bare, "REJECTED", "Không có ảnh").statusCode(200);
        decide(asManager("tinh-manager", province), withDocument, "NEEDS_INFORMATION", "Gửi ảnh").statusCode(200);

        // A form with no rule needs no evidence.
        String livestream = record(as("unit-officer", commune), Fixtures.livestream(commune));
        decide(asManager("tinh-manager", province), livestream, "VERIFIED", null).statusCode(200);
    }

    @Test
    void theQueueLeavesOutWhatFourEyesKeepFromTheCallerOldestFirst() {
        String own = record(asManager("queue-manager", province), Fixtures.withPhoto(Fixtures.smallGroup(commune)));
        String bare = record(as("unit-officer", commune), Fixtures.smallGroup(commune));
        String photo = record(as("unit-officer", commune), Fixtures.withPhoto(Fixtures.smallGroup(commune)));

        asManager("queue-manager", province).queryParam("orgUnit", province).when().get("/api/v1/verification-queue")
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.activity.id", contains(bare, photo))
                .body("items.meetsEvidenceRule", contains(false, true))
                .body("items.activity.id", not(hasItem(own)));
        // The commune's own manager sees none of its self-reports, only what the province reported for it.
        asManager("xa-queue-manager", commune).queryParam("orgUnit", commune).when().get("/api/v1/verification-queue")
                .then().statusCode(200).body("items.activity.id", contains(own));
        asManager("queue-manager", province).queryParam("orgUnit", OrgUnitEventsFixture.knownProvinceAndCommune()[0])
                .when().get("/api/v1/verification-queue").then().statusCode(403);
        as("unit-officer", commune).queryParam("orgUnit", commune).when().get("/api/v1/verification-queue")
                .then().statusCode(403);
    }

    @Test
    void theNationalCentreSetsAFormsEvidenceRule() {
        Map<String, Object> rule = Map.of("minEvidence", 2, "photoRequired", true, "positionRequired", false,
                "captureTimeRequired", true, "maxMinutesFromActivity", 120);
        asNationalAdmin().contentType(ContentType.JSON).body(rule).when().put("/api/v1/verification-rules/LEAFLET")
                .then().statusCode(201).body("minEvidence", equalTo(2)).body("version", equalTo(0));
        asNationalAdmin().contentType(ContentType.JSON).body(rule).when().put("/api/v1/verification-rules/LEAFLET")
                .then().statusCode(200).header("ETag", "\"0\"");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(rule)
                .when().put("/api/v1/verification-rules/LEAFLET").then().statusCode(412);
        TopicProbe.awaitEvent(VerificationEvents.RULES_TOPIC, VerificationEvents.RULE_CHANGED, "LEAFLET");
        as("unit-manager", province).contentType(ContentType.JSON).body(rule)
                .when().put("/api/v1/verification-rules/LEAFLET").then().statusCode(403);
        asNationalAdmin().contentType(ContentType.JSON).body(rule)
                .when().put("/api/v1/verification-rules/NO_SUCH_FORM").then().statusCode(422)
                .body("errors[0].field", equalTo("form"));
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("minEvidence", -1, "photoRequired", true))
                .when().put("/api/v1/verification-rules/LEAFLET").then().statusCode(400);
        as("viewer").when().get("/api/v1/verification-rules").then().statusCode(200)
                .body("form", hasItem("SMALL_GROUP")).body("form", hasItem("LEAFLET"));
    }
}
