package vn.commops.activity.activity;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

@QuarkusTest
class ActivityResourceTest {

    private String commune;

    @BeforeEach
    void knownCommune() {
        commune = OrgUnitEventsFixture.knownCommune();
    }

    private Map<String, Object> smallGroup(String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", unit);
        body.put("form", "SMALL_GROUP");
        body.put("title", "Tuyên truyền nhóm nhỏ tại thôn Hồ Phai");
        body.put("startedAt", "2024-05-13T08:00:00+07:00");
        body.put("endedAt", "2024-05-13T10:30:00+07:00");
        body.put("attendance", 35);
        return body;
    }

    @Test
    void anActivityIsRecordedAndPublishedWithItsUnitsPath() {
        String id = asNationalAdmin().contentType(ContentType.JSON).body(smallGroup(commune))
                .when().post("/api/v1/activities")
                .then().statusCode(201)
                .body("channel", equalTo("DIRECT"))
                .body("title", equalTo("Tuyên truyền nhóm nhỏ tại thôn Hồ Phai"))
                .extract().path("id");

        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities")
                .then().statusCode(200).body("items.id", contains(id));
        TopicProbe.Received event = TopicProbe.awaitEvent(ActivityEvents.TOPIC, ActivityEvents.RECORDED, id);
        assertEquals(id, event.key());
        assertEquals("/VN/LC/" + commune + "/", event.value().path("data").path("orgUnitPath").asText());
        assertEquals(35, event.value().path("data").path("attendance").asInt());
    }

    @Test
    void aRetriedRecordingReturnsTheFirstActivity() {
        String key = UUID.randomUUID().toString();
        String first = asNationalAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(smallGroup(commune))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        String retried = asNationalAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(smallGroup(commune))
                .when().post("/api/v1/activities").then().statusCode(200).extract().path("id");

        assertEquals(first, retried);
        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities").then().body("totalItems", equalTo(1));
    }

    @Test
    void anUnknownOrgUnitIsNamedAndNothingIsStored() {
        asNationalAdmin().contentType(ContentType.JSON).body(smallGroup("NOWHERE"))
                .when().post("/api/v1/activities")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:unknown-org-unit"))
                .body("errors[0].field", equalTo("orgUnitCode"));
        asNationalAdmin().queryParam("orgUnit", "NOWHERE").when().get("/api/v1/activities").then().body("totalItems", equalTo(0));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Map<String, Object> body = smallGroup(commune);
        body.remove("form");
        body.put("attendance", -3);
        body.put("endedAt", "2024-05-12T08:00:00+07:00");

        asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("attendance", "endedAt", "form"));
    }

    @Test
    void anUnknownFormIsNamed() {
        Map<String, Object> body = smallGroup(commune);
        body.put("form", "TELEPATHY");
        asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:unknown-communication-form"))
                .body("errors.field", hasItem("form"));
        body.put("form", "telepathy");
        asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities")
                .then().statusCode(400)
                .body("errors.field", hasItem("form"));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        asNationalAdmin().contentType(ContentType.JSON).body("{\"orgUnitCode\": ")
                .when().post("/api/v1/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:malformed-json"));
    }
}
