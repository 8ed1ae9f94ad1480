package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;
import static vn.commops.e2e.Gateway.createUnit;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;

/** The walking skeleton, driven through the gateway exactly as a client would. */
class PlatformFlowIT {

    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        RestAssured.baseURI = platform.gatewayUrl();
    }


    private static Map<String, Object> activity(String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", unit);
        body.put("form", "CONFERENCE");
        body.put("title", "Hội nghị đối thoại chính sách BHXH tự nguyện");
        body.put("startedAt", "2024-05-20T08:00:00+07:00");
        body.put("attendance", 68);
        return body;
    }

    @Test
    void anActivityInACommuneMovesItsProvincesRollUp() {
        String suffix = Integer.toHexString(UUID.randomUUID().hashCode() & 0xfffff).toUpperCase();
        String national = "VN" + suffix;
        String province = "LC" + suffix;
        String commune = "LC-HP" + suffix;
        createUnit(national, "Bảo hiểm xã hội Việt Nam", "NATIONAL", null);
        createUnit(province, "Bảo hiểm xã hội tỉnh Lào Cai", "PROVINCE", national);
        createUnit(commune, "Xã Hồ Phai", "COMMUNE", province);

        Map<String, Object> plan = new HashMap<>();
        plan.put("type", "CAMPAIGN");
        plan.put("title", "7 ngày cao điểm tuyên truyền nhóm nhỏ");
        plan.put("ownerUnitCode", province);
        plan.put("periodStart", "2024-05-13");
        plan.put("periodEnd", "2024-05-19");
        plan.put("parentPlanId", Plans.approvedYear(national, 2024));
        admin().contentType(ContentType.JSON).body(plan).when().post("/api/v1/plans").then().statusCode(201);

        // activity-service learns of the commune from plan-service's event, not from its database.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                admin().contentType(ContentType.JSON).header("Idempotency-Key", "e2e-" + suffix)
                        .body(activity(commune)).post("/api/v1/activities").statusCode() < 300);

        long recordedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                admin().queryParam("orgUnit", province).queryParam("period", "202405")
                        .when().get("/api/v1/indicators/activity-totals")
                        .then().statusCode(200)
                        .body("activities", equalTo(1))
                        .body("attendance", equalTo(68)));
        System.out.printf("Province roll-up moved %d ms after the activity was accepted%n",
                Duration.ofNanos(System.nanoTime() - recordedAt).toMillis());
        admin().queryParam("orgUnit", national).queryParam("period", "2024")
                .when().get("/api/v1/indicators/activity-totals")
                .then().statusCode(200).body("activities", equalTo(1));
    }

    @Test
    void submittedFeedbackIsListedWithoutTheContact() {
        String unit = "HN" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xfffff).toUpperCase();
        createUnit("VN" + unit, "Bảo hiểm xã hội Việt Nam", "NATIONAL", null);
        createUnit(unit, "Bảo hiểm xã hội thành phố Hà Nội", "PROVINCE", "VN" + unit);
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "SOCIAL_MEDIA");
        body.put("text", "Tin đồn: lương hưu sẽ bị cắt từ tháng 7");
        body.put("orgUnitCode", unit);
        body.put("contact", "facebook.com/someone");
        body.put("lawfulBasis", "PUBLIC_TASK");
        // crisis-service knows the unit from plan-service's event once it has consumed it
        String id = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                as("crisis-analyst").contentType(ContentType.JSON).header("Idempotency-Key", "fb-" + unit).body(body)
                        .post("/api/v1/feedback"), r -> r.statusCode() < 300).path("id");

        admin().queryParam("orgUnit", unit).when().get("/api/v1/feedback")
                .then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].hasContact", equalTo(true));
        TopicProbe.Received event = TopicProbe.awaitEvent("feedback", "feedback.received", id);
        assertEquals(id, event.key());
        for (String field : new String[] {"id", "type", "source", "time", "subject", "schemaVersion", "data"}) {
            assertTrue(event.value().has(field), "envelope lacks " + field);
        }
    }

    @Test
    void badInputGetsAProblemNamingItNeverA5xx() {
        admin().contentType(ContentType.JSON).body("{\"code\": \"X\",").when().post("/api/v1/org-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:malformed-json"));
        admin().contentType(ContentType.JSON).body("{\"code\": \"X1\", \"levelCode\": \"PROVINCE\"}")
                .when().post("/api/v1/org-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("name"));
        admin().contentType(ContentType.JSON).body(activity("NOWHERE")).when().post("/api/v1/activities")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("orgUnitCode"));
        admin().when().get("/api/v1/no-such-thing")
                .then().statusCode(lessThan(500)).contentType("application/problem+json");
    }

    @Test
    void everyApiCallNeedsAValidTokenAndTheRightUnit() {
        RestAssured.given().when().get("/api/v1/plans")
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .when().get("/api/v1/plans")
                .then().statusCode(401).contentType("application/problem+json");
        String suffix = Integer.toHexString(UUID.randomUUID().hashCode() & 0xfffff).toUpperCase();
        createUnit("VN" + suffix, "Bảo hiểm xã hội Việt Nam", "NATIONAL", null);
        createUnit("LC" + suffix, "Bảo hiểm xã hội tỉnh Lào Cai", "PROVINCE", "VN" + suffix);
        createUnit("YB" + suffix, "Bảo hiểm xã hội tỉnh Yên Bái", "PROVINCE", "VN" + suffix);
        // A partner registered for Lào Cai, calling with the token its API key is exchanged for.
        Map<String, Object> partner = new HashMap<>();
        partner.put("id", "e2e-post-office-" + suffix.toLowerCase());
        partner.put("name", "Bưu điện tỉnh Lào Cai");
        partner.put("kind", "POST_OFFICE");
        partner.put("orgUnits", List.of("LC" + suffix));
        partner.put("forms", List.of("CONFERENCE"));
        Gateway.awaitKnown(() -> admin().contentType(ContentType.JSON).body(partner).post("/api/v1/partners")
                .statusCode());
        String apiKey = admin().when().post("/api/v1/partners/" + partner.get("id") + "/keys")
                .then().statusCode(201).extract().path("key");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                Gateway.withApiKey(apiKey).contentType(ContentType.JSON).body(activity("LC" + suffix))
                        .post("/api/v1/activities").statusCode() == 201);

        // Until activity-service has YB from plan-service's event, YB is unknown (422), not forbidden.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                Gateway.withApiKey(apiKey).contentType(ContentType.JSON).body(activity("YB" + suffix))
                        .post("/api/v1/activities").statusCode() != 422);
        Gateway.withApiKey(apiKey).contentType(ContentType.JSON).body(activity("YB" + suffix))
                .when().post("/api/v1/activities")
                .then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("orgUnitCode"));
        Gateway.withApiKey(apiKey).when().get("/api/v1/feedback").then().statusCode(403);
        // A revoked key is exchanged for nothing.
        String keyId = admin().when().get("/api/v1/partners/" + partner.get("id") + "/keys")
                .then().statusCode(200).extract().path("[0].keyId");
        admin().when().delete("/api/v1/partners/" + partner.get("id") + "/keys/" + keyId).then().statusCode(200);
        RestAssured.given().header("X-Api-Key", apiKey).when().post("/auth/partner-token")
                .then().statusCode(401).contentType("application/problem+json");
        as("viewer").contentType(ContentType.JSON).body(activity("LC" + suffix))
                .when().post("/api/v1/activities").then().statusCode(403);
    }

    @Test
    void theGatewayServesOneDocumentWithEveryServicesPaths() {
        admin().when().get("/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/org-units"))
                .body("paths", hasKey("/api/v1/plans"))
                .body("paths", hasKey("/api/v1/activities"))
                .body("paths", hasKey("/api/v1/indicators/activity-totals"))
                .body("paths", hasKey("/api/v1/feedback"))
                .body("components.schemas", hasKey("Problem"));
        admin().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
