package vn.commops.crisis.feedback;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

@QuarkusTest
class FeedbackResourceTest {

    private static Map<String, Object> hotlineCall(String unit, String sourceId) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "HOTLINE");
        body.put("text", "Tôi nghe nói rút BHXH một lần sẽ bị bỏ từ tháng sau, có đúng không?");
        body.put("orgUnitCode", unit);
        body.put("sourceId", sourceId);
        body.put("contact", "0912 345 678");
        body.put("lawfulBasis", "PUBLIC_TASK");
        return body;
    }

    private static String unit() {
        return OrgUnitEventsFixture.knownCommune();
    }

    @Test
    void feedbackIsStoredListedAndPublishedWithoutTheContact() {
        String unit = unit();
        String id = asNationalAdmin().contentType(ContentType.JSON).body(hotlineCall(unit, UUID.randomUUID().toString()))
                .when().post("/api/v1/feedback")
                .then().statusCode(201)
                .body("hasContact", equalTo(true))
                .body("$", not(hasKey("contact")))
                .extract().path("id");

        asNationalAdmin().queryParam("orgUnit", unit).queryParam("q", "rut bhxh mot lan").when().get("/api/v1/feedback")
                .then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0]", not(hasKey("contact")));
        TopicProbe.Received event = TopicProbe.awaitEvent(FeedbackEvents.TOPIC, FeedbackEvents.RECEIVED, id);
        assertEquals(unit, event.value().path("data").path("orgUnitCode").asText());
        assertFalse(event.value().toString().contains("0912 345 678"), "the contact leaked into the event");
        assertFalse(event.value().toString().contains("rút BHXH"), "the text leaked into the event");
    }

    @Test
    void theSameSourceIdIsRecognised() {
        String unit = unit();
        String sourceId = UUID.randomUUID().toString();
        String first = asNationalAdmin().contentType(ContentType.JSON).body(hotlineCall(unit, sourceId))
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        String again = asNationalAdmin().contentType(ContentType.JSON).body(hotlineCall(unit, sourceId))
                .when().post("/api/v1/feedback").then().statusCode(200).extract().path("id");

        assertEquals(first, again);
        asNationalAdmin().queryParam("orgUnit", unit).when().get("/api/v1/feedback").then().body("totalItems", equalTo(1));
    }

    @Test
    void invalidFieldsAreNamed() {
        Map<String, Object> body = hotlineCall("lower case", null);
        body.remove("text");
        body.put("language", "vietnamese");

        asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feedback")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("language", "orgUnitCode", "text"));
    }

    @Test
    void anUnknownOrgUnitIsNamed() {
        asNationalAdmin().contentType(ContentType.JSON).body(hotlineCall("NOWHERE", null))
                .when().post("/api/v1/feedback")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("orgUnitCode"));
    }

    @Test
    void anUnknownChannelIsNamed() {
        Map<String, Object> body = hotlineCall(unit(), null);
        body.put("channel", "PIGEON");
        asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feedback")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("channel"));
    }
}
