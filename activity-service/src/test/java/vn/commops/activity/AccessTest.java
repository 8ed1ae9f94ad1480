package vn.commops.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Who may record and read activities, and for which org units. */
@QuarkusTest
class AccessTest {

    private String[] granted;
    private String[] other;
    private String culturalCentre;
    private String postOffice;

    @BeforeEach
    void units() {
        granted = OrgUnitEventsFixture.knownProvinceAndCommune();
        other = OrgUnitEventsFixture.knownProvinceAndCommune();
        // Partners report only when registered, within the registry's grants as well as the token's.
        culturalCentre = Fixtures.partner("cultural-centre", List.of(granted[0]));
        postOffice = Fixtures.partner("post-office", List.of(granted[0]));
    }

    private static Map<String, Object> livestream(String unit) {
        return Fixtures.livestream(unit);
    }

    @Test
    void aPartnerRecordsForItsGrantedSubtree() {
        asPartner(culturalCentre, granted[0]).contentType(ContentType.JSON).body(livestream(granted[1]))
                .when().post("/api/v1/activities").then().statusCode(201);
    }

    @Test
    void aPartnerOutsideItsGrantsIsForbiddenAndNothingIsStored() {
        asPartner(culturalCentre, granted[0]).contentType(ContentType.JSON).body(livestream(other[1]))
                .when().post("/api/v1/activities")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("orgUnitCode"));
        asNationalAdmin().queryParam("orgUnit", other[1]).when().get("/api/v1/activities")
                .then().body("totalItems", equalTo(0));
    }

    @Test
    void aPartnerReadsOnlyItsGrantedUnitsActivities() {
        String foreign = asNationalAdmin().contentType(ContentType.JSON).body(livestream(other[1]))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        asPartner(postOffice, granted[0]).contentType(ContentType.JSON).body(livestream(granted[1]))
                .when().post("/api/v1/activities").then().statusCode(201);

        asPartner(postOffice, granted[0]).when().get("/api/v1/activities")
                .then().statusCode(200).body("items.orgUnitCode", everyItem(equalTo(granted[1])));
        asPartner(postOffice, granted[0]).queryParam("orgUnit", other[1]).when().get("/api/v1/activities")
                .then().statusCode(200).body("totalItems", equalTo(0));
        asPartner(postOffice, granted[0]).when().get("/api/v1/activities/" + foreign).then().statusCode(403);
    }

    @Test
    void anOfficerRecordsOnlyForItsUnitsAndAViewerNotAtAll() {
        as("unit-officer", granted[1]).contentType(ContentType.JSON).body(livestream(granted[1]))
                .when().post("/api/v1/activities").then().statusCode(201);
        as("unit-officer", granted[1]).contentType(ContentType.JSON).body(livestream(granted[0]))
                .when().post("/api/v1/activities").then().statusCode(403);
        as("viewer").contentType(ContentType.JSON).body(livestream(granted[1]))
                .when().post("/api/v1/activities").then().statusCode(403);
    }

    @Test
    void anotherCallersIdempotencyKeyRevealsNothing() {
        asNationalAdmin().contentType(ContentType.JSON).header("Idempotency-Key", "key-" + other[1])
                .body(livestream(other[1])).when().post("/api/v1/activities").then().statusCode(201);

        asPartner(postOffice, granted[0]).contentType(ContentType.JSON).header("Idempotency-Key", "key-" + other[1])
                .body(livestream(granted[1])).when().post("/api/v1/activities")
                .then().statusCode(403);
    }

    @Test
    void evidenceFilesFollowTheActivitysGrants() {
        String own = asPartner(postOffice, granted[0]).contentType(ContentType.JSON).body(livestream(granted[1]))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        String foreign = asNationalAdmin().contentType(ContentType.JSON).body(livestream(other[1]))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        // a PDF: recognised by its content whatever it is called
        byte[] pdf = ("%PDF-1.4\n% " + granted[1] + " " + System.nanoTime() + "\n%%EOF\n").getBytes();

        asPartner(postOffice, granted[0]).contentType("application/pdf").body(pdf)
                .when().post("/api/v1/activities/" + own + "/evidence-files").then().statusCode(201);
        asPartner(culturalCentre, granted[0]).contentType("application/pdf").body(pdf)
                .when().post("/api/v1/activities/" + own + "/evidence-files").then().statusCode(403);
        asPartner(postOffice, granted[0]).when().get("/api/v1/activities/" + own + "/evidence-files")
                .then().statusCode(200);
        asPartner(postOffice, granted[0]).when().get("/api/v1/activities/" + foreign + "/evidence-files")
                .then().statusCode(403);
        as("viewer").when().get("/api/v1/activities/" + foreign + "/evidence-files").then().statusCode(200);
        as("viewer").contentType("application/pdf").body(pdf).when().post("/api/v1/evidence-files")
                .then().statusCode(403);
        given().contentType("application/pdf").body(pdf).when().post("/api/v1/evidence-files").then().statusCode(401);
    }

    @Test
    void onlyManagersReviewAndOnlyTheNationalCentreSetsEvidenceRules() {
        Map<String, Object> rule = Map.of("minEvidence", 0, "photoRequired", false, "positionRequired", false,
                "captureTimeRequired", false);
        for (var caller : List.of(as("unit-officer", granted[1]), as("viewer"), asPartner(postOffice, granted[0]),
                as("unit-manager", granted[0]))) {
            caller.contentType(ContentType.JSON).body(rule).when().put("/api/v1/verification-rules/HOTLINE")
                    .then().statusCode(403);
        }
        for (var caller : List.of(as("unit-officer", granted[1]), as("viewer"), asPartner(postOffice, granted[0]),
                as("crisis-analyst"))) {
            caller.queryParam("orgUnit", granted[0]).when().get("/api/v1/verification-queue").then().statusCode(403);
            caller.contentType(ContentType.JSON).body(Map.of("partnerId", postOffice, "orgUnitCode", granted[0],
                            "recordedFrom", "2024-05-13T00:00:00+07:00", "recordedTo", "2024-05-20T00:00:00+07:00",
                            "percent", 5))
                    .when().post("/api/v1/review-samples").then().statusCode(403);
            caller.when().get("/api/v1/review-samples/" + java.util.UUID.randomUUID()).then().statusCode(403);
            caller.queryParam("orgUnit", granted[0]).when().get("/api/v1/review-samples").then().statusCode(403);
        }
        as("unit-manager", granted[0]).queryParam("orgUnit", other[0]).when().get("/api/v1/verification-queue")
                .then().statusCode(403).body("errors[0].field", equalTo("orgUnit"));
        as("unit-manager", granted[0]).queryParam("orgUnit", granted[0]).when().get("/api/v1/verification-queue")
                .then().statusCode(200);
        as("unit-manager", granted[0]).contentType(ContentType.JSON).body(Map.of("partnerId", postOffice,
                        "orgUnitCode", other[0], "recordedFrom", "2024-05-13T00:00:00+07:00",
                        "recordedTo", "2024-05-20T00:00:00+07:00", "percent", 5))
                .when().post("/api/v1/review-samples").then().statusCode(403).body("errors[0].field", equalTo("orgUnitCode"));
        given().when().get("/api/v1/verification-rules").then().statusCode(401);
    }

    @Test
    void noTokenIsUnauthenticated() {
        given().contentType(ContentType.JSON).body(livestream(granted[1]))
                .when().post("/api/v1/activities")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private String communicatorOf(String[] units) {
        return as("unit-manager", units[0]).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Lò Văn Páo", "kind", "COLLABORATOR", "orgUnitCode", units[1]))
                .when().post("/api/v1/communicators").then().statusCode(201).extract().path("id");
    }

    @Test
    void onlyAManagerOfTheCommunicatorsUnitUpdatesOrDeactivatesIt() {
        String id = communicatorOf(granted);
        Map<String, Object> update = Map.of("fullName", "Lò Văn Pảo", "kind", "COLLABORATOR", "orgUnitCode", granted[1]);
        Map<String, Object> deactivation = Map.of("reason", "RETIRED");
        as("unit-manager", other[0]).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .when().put("/api/v1/communicators/" + id).then().statusCode(403);
        as("unit-officer", granted[1]).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .when().put("/api/v1/communicators/" + id).then().statusCode(403);
        asPartner(postOffice, granted[0]).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .when().put("/api/v1/communicators/" + id).then().statusCode(403);
        as("unit-manager", other[0]).contentType(ContentType.JSON).body(deactivation)
                .when().post("/api/v1/communicators/" + id + "/deactivation").then().statusCode(403);
        as("unit-officer", granted[0]).contentType(ContentType.JSON).body(deactivation)
                .when().post("/api/v1/communicators/" + id + "/deactivation").then().statusCode(403);
        as("unit-manager", other[0]).when().post("/api/v1/communicators/" + id + "/reactivation").then().statusCode(403);
        // Moving a communicator needs the grant over the unit it goes to as well.
        as("unit-manager", granted[0]).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("fullName", "Lò Văn Páo", "kind", "COLLABORATOR", "orgUnitCode", other[1]))
                .when().put("/api/v1/communicators/" + id).then().statusCode(403)
                .body("errors.field", equalTo(List.of("orgUnitCode")));
        asNationalAdmin().when().get("/api/v1/communicators/" + id).then()
                .body("version", equalTo(0)).body("active", equalTo(true));
        as("unit-manager", granted[0]).contentType(ContentType.JSON).body(deactivation)
                .when().post("/api/v1/communicators/" + id + "/deactivation").then().statusCode(200);
    }

    @Test
    void theRetrainingListIsReadOnlyWithinTheCallersGrantsAndNeverByPartners() {
        as("viewer", granted[0]).queryParam("orgUnit", granted[1])
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(200);
        as("unit-manager", other[0]).queryParam("orgUnit", granted[0])
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(403);
        asPartner(postOffice, granted[0]).queryParam("orgUnit", granted[0])
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(403);
        as("crisis-analyst").queryParam("orgUnit", granted[0])
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(403);
    }
}
