package vn.commops.activity.subscription;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;

/**
 * Webhooks end to end inside the service, on the real broker and database: an activity recorded through the API
 * goes out through the outbox and Kafka to the fan-out, and a real HTTP receiver gets it signed, retried after a
 * 500, dead-lettered when it never answers well, driven again, and replayed.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String province;
    private String commune;
    private String partner;

    @BeforeEach
    void partnerOfAProvince() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
        partner = Fixtures.partner("kobo", List.of(province));
    }

    private Map<String, Object> subscribe(String url) {
        return asPartner(partner, province).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("activity.recorded")))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("subscription.ownerKind", equalTo("PARTNER"))
                .body("subscription.ownerId", equalTo(partner))
                .extract().as(Map.class);
    }

    private String recordActivity(String unit) {
        return asPartner(partner, province).contentType(ContentType.JSON).body(Fixtures.smallGroup(unit))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    @Test
    void aFailedDeliveryIsRetriedSignedAndCanBeReplayed() throws Exception {
        try (Receiver receiver = new Receiver(n -> n == 1 ? 500 : 200)) {
            Map<String, Object> issued = subscribe(receiver.url());
            String secret = (String) issued.get("secret");
            String subscriptionId = (String) ((Map<?, ?>) issued.get("subscription")).get("id");
            String elsewhere = OrgUnitEventsFixture.knownCommune();
            asNationalAdmin().contentType(ContentType.JSON).body(Fixtures.smallGroup(elsewhere))
                    .when().post("/api/v1/activities").then().statusCode(201);
            String activityId = recordActivity(commune);

            List<Receiver.Received> requests = receiver.awaitRequests(2);
            assertEquals(List.of(500, 200), requests.stream().map(Receiver.Received::answered).toList());
            for (Receiver.Received request : requests) {
                assertSignedBy(secret, request);
                JsonNode event = JSON.readTree(request.body());
                assertEquals("activity.recorded", request.header(WebhookSender.EVENT_TYPE));
                assertEquals(event.path("id").asText(), request.header(WebhookSender.EVENT_ID));
                assertEquals(activityId, event.path("data").path("activityId").asText());
                assertEquals(commune, event.path("data").path("orgUnitCode").asText());
            }
            assertEquals(requests.get(0).body(), requests.get(1).body());

            awaitDelivered(subscriptionId, 1);
            asPartner(partner, province).when().get("/api/v1/subscriptions/" + subscriptionId + "/deliveries")
                    .then().statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].attempts", equalTo(2))
                    .body("items[0].lastStatusCode", equalTo(200))
                    .body("items[0].eventType", equalTo("activity.recorded"))
                    .body("items[0].replayId", nullValue());

            asPartner(partner, province).contentType(ContentType.JSON)
                    .body(Map.of("from", OffsetDateTime.now().minusHours(1).toString()))
                    .when().post("/api/v1/subscriptions/" + subscriptionId + "/replays")
                    .then().statusCode(202).body("deliveriesQueued", equalTo(1));
            Receiver.Received replayed = receiver.awaitRequests(3).get(2);
            assertSignedBy(secret, replayed);
            assertEquals(requests.get(1).header(WebhookSender.EVENT_ID), replayed.header(WebhookSender.EVENT_ID));
            awaitDelivered(subscriptionId, 2);
            asPartner(partner, province).when().get("/api/v1/subscriptions/" + subscriptionId
                    + "/deliveries?status=DELIVERED&sort=createdAt").then().statusCode(200)
                    .body("totalItems", equalTo(2))
                    .body("items[1].replayId", notNullValue());
            // the activity in a unit the partner is not granted never went out
            assertEquals(3, receiver.received().size());
        }
    }

    @Test
    void aDeliveryThatKeepsFailingIsDeadLetteredAndCanBeDrivenAgain() throws Exception {
        try (Receiver receiver = new Receiver(n -> n <= 3 ? 503 : 204)) {
            Map<String, Object> issued = subscribe(receiver.url());
            String subscriptionId = (String) ((Map<?, ?>) issued.get("subscription")).get("id");
            recordActivity(commune);

            receiver.awaitRequests(3);
            String deliveries = "/api/v1/subscriptions/" + subscriptionId + "/deliveries";
            await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD_LETTERED".equals(asPartner(partner, province)
                    .when().get(deliveries).then().extract().path("items[0].status")));
            String deliveryId = asPartner(partner, province).when().get(deliveries + "?status=DEAD_LETTERED")
                    .then().statusCode(200)
                    .body("items[0].attempts", equalTo(3))
                    .body("items[0].lastStatusCode", equalTo(503))
                    .body("items[0].lastError", equalTo("answered HTTP 503"))
                    .extract().path("items[0].id");
            asPartner(partner, province).when().get("/api/v1/subscriptions/" + subscriptionId)
                    .then().statusCode(200).body("deliveries.deadLettered", equalTo(1));

            asPartner(partner, province).when().post(deliveries + "/" + deliveryId + "/redrive")
                    .then().statusCode(200).body("status", equalTo("PENDING")).body("attempts", equalTo(0));
            receiver.awaitRequests(4);
            awaitDelivered(subscriptionId, 1);
            asPartner(partner, province).when().post(deliveries + "/" + deliveryId + "/redrive")
                    .then().statusCode(409).body("type", equalTo("urn:commops:problem:delivery-not-dead-lettered"));
        }
    }

    private void awaitDelivered(String subscriptionId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(count).equals(asPartner(partner, province)
                .when().get("/api/v1/subscriptions/" + subscriptionId).then().extract().path("deliveries.delivered")));
    }

    /** Verified as a receiver would, with nothing of the service's code. */
    private static void assertSignedBy(String secret, Receiver.Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((request.header("X-Commops-Timestamp") + "." + request.body())
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("sha256=" + HexFormat.of().formatHex(expected), request.header("X-Commops-Signature"));
        long age = Instant.now().getEpochSecond() - Long.parseLong(request.header("X-Commops-Timestamp"));
        assertTrue(age >= 0 && age < 60, "timestamp is the time of sending");
    }
}
