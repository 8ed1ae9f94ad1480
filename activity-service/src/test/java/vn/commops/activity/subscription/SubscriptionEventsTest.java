package vn.commops.activity.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OutboxContents;

/** A subscription's events name its target by host: its secret and the URL's path and query stay inside. */
@QuarkusTest
class SubscriptionEventsTest {

    private static final String URL = "http://127.0.0.1:9/hooks/commops?token=receiver-token-42";

    @Inject
    DataSource dataSource;

    @Test
    void eventsNameTheHostAndNeverTheSecretOrQuery() {
        JsonPath issued = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("url", URL, "eventTypes", List.of("feedback.received")))
                .when().post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        String id = issued.getString("subscription.id");
        String rotated = asNationalAdmin().when().post("/api/v1/subscriptions/" + id + "/secret")
                .then().statusCode(201).extract().path("secret");
        asNationalAdmin().when().delete("/api/v1/subscriptions/" + id).then().statusCode(200);
        asNationalAdmin().when().delete("/api/v1/subscriptions/" + id).then().statusCode(200);

        List<JsonNode> events = OutboxContents.events(dataSource, e -> id.equals(e.key())).stream()
                .map(OutboxContents.Stored::envelope).toList();
        assertEquals(List.of(SubscriptionEvents.CREATED, SubscriptionEvents.SECRET_ROTATED,
                SubscriptionEvents.DISABLED), events.stream().map(e -> e.path("type").asText()).toList(),
                "disabling twice publishes once");
        String ciphertext = Subscription.<Subscription>findByIdOptional(UUID.fromString(id))
                .map(s -> s.secretCiphertext).orElseThrow();
        for (JsonNode event : events) {
            JsonNode data = event.path("data");
            assertEquals("127.0.0.1", data.path("targetHost").asText(), event.toString());
            assertEquals("INTEGRATOR", data.path("ownerKind").asText());
            String text = event.toString();
            for (String secretOrQuery : List.of(issued.getString("secret"), rotated, ciphertext, "receiver-token-42",
                    "/hooks/commops")) {
                assertFalse(text.contains(secretOrQuery), "an event leaks " + secretOrQuery + ": " + text);
            }
        }
        assertEquals("DISABLED", events.get(2).path("data").path("status").asText());
    }
}
