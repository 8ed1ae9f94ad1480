package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.awaitKnown;
import static vn.commops.e2e.Gateway.withApiKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner of a province subscribes through the gateway with its API key, records an activity, and its own
 * receiver gets the event signed with the secret it was shown once; it then asks for a replay and gets the same
 * event again, signed anew.
 */
class WebhookSubscriptionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer receiver;
    private static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPlatformAndReceiver() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/commops-events", exchange -> {
            Map<String, String> request = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> request.put(name.toLowerCase(), values.get(0)));
            request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            RECEIVED.add(request);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aPartnersWebhookReceivesItsActivitySignedAndAgainOnReplay() throws Exception {
        String[] units = Gateway.createHierarchy("WH", "Tỉnh Webhook", "Xã Webhook");
        String province = units[1];
        String commune = units[2];
        String partnerId = "kobo-" + Gateway.uniqueSuffix().toLowerCase();
        Map<String, Object> registration = Map.of("id", partnerId, "name", "Kobo Lào Cai", "kind", "OTHER",
                "orgUnits", List.of(province), "forms", List.of("SMALL_GROUP"));
        awaitKnown(() -> admin().contentType(ContentType.JSON).body(registration).when().post("/api/v1/partners")
                .then().extract().statusCode());
        String apiKey = admin().when().post("/api/v1/partners/" + partnerId + "/keys")
                .then().statusCode(201).extract().path("key");
        RequestSpecification partner = withApiKey(apiKey);

        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/commops-events";
        Map<String, Object> issued = partner.contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("activity.recorded"), "orgUnits", List.of(province)))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201).body("secret", startsWith("whsec_")).extract().as(Map.class);
        String secret = (String) issued.get("secret");
        String subscriptionId = (String) ((Map<?, ?>) issued.get("subscription")).get("id");

        Map<String, Object> activity = Map.of("orgUnitCode", commune, "form", "SMALL_GROUP",
                "title", "Đối thoại chính sách BHXH tự nguyện tại xã", "startedAt", "2024-05-13T08:00:00+07:00",
                "attendance", 42);
        String[] activityId = new String[1];
        awaitKnown(() -> {
            var response = withApiKey(apiKey).contentType(ContentType.JSON).body(activity)
                    .when().post("/api/v1/activities").then().extract();
            activityId[0] = response.statusCode() == 201 ? response.path("id") : null;
            return response.statusCode();
        });
        assertTrue(activityId[0] != null, "the activity was recorded");

        Map<String, String> delivered = awaitRequest(1);
        JsonNode event = verifiedEvent(secret, delivered);
        assertEquals("activity.recorded", event.path("type").asText());
        assertEquals(activityId[0], event.path("data").path("activityId").asText());
        assertEquals(commune, event.path("data").path("orgUnitCode").asText());
        assertEquals(event.path("id").asText(), delivered.get("x-commops-event-id"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(withApiKey(apiKey)
                .when().get("/api/v1/subscriptions/" + subscriptionId + "/deliveries")
                .then().statusCode(200).extract().path("items[0].status")));

        withApiKey(apiKey).contentType(ContentType.JSON)
                .body(Map.of("from", OffsetDateTime.now().minusHours(1).toString()))
                .when().post("/api/v1/subscriptions/" + subscriptionId + "/replays")
                .then().statusCode(202).body("deliveriesQueued", equalTo(1));
        JsonNode replayed = verifiedEvent(secret, awaitRequest(2));
        assertEquals(event.path("id").asText(), replayed.path("id").asText());
        withApiKey(apiKey).when().get("/api/v1/subscriptions/" + subscriptionId)
                .then().statusCode(200).body("deliveries.delivered", equalTo(2));
    }

    private static Map<String, String> awaitRequest(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.size() >= count);
        return RECEIVED.get(count - 1);
    }

    /** Checks the signature as the integrators' page tells receivers to, and reads the event. */
    private static JsonNode verifiedEvent(String secret, Map<String, String> request) throws Exception {
        String timestamp = request.get("x-commops-timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.get("body"))
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, request.get("x-commops-signature"), "signature");
        long age = System.currentTimeMillis() / 1000 - Long.parseLong(timestamp);
        assertTrue(age >= 0 && age < 120, "a fresh timestamp");
        return JSON.readTree(request.get("body"));
    }
}
