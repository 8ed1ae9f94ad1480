package vn.commops.plan.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OutboxContents;
import vn.commops.common.testing.TestTokens;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** A recipient's changes are published once each, without the person's address. */
@QuarkusTest
class NotificationEventsTest {

    @Inject
    DataSource dataSource;

    @Test
    void changesArePublishedOnceAndNeverTheAddress() {
        String[] tree = OrgUnitFixtures.tree();
        String person = NotificationFixtures.uniqueUser("events");
        Map<String, Object> body = NotificationFixtures.recipient(person, "vi", tree[1], List.of("ASSIGNMENT"),
                List.of());
        put(person, body, 201);
        put(person, body, 200);
        Map<String, Object> english = NotificationFixtures.recipient(person, "en", tree[1],
                List.of("ASSIGNMENT", "BEHIND_TARGET"), List.of());
        put(person, english, 200);
        var me = RestAssured.given().auth().oauth2(TestTokens.token(person, List.of("unit-manager"), List.of(tree[1])))
                .contentType(ContentType.JSON).body(Map.of("emailEnabled", false, "mutedKinds", List.of("ASSIGNMENT")));
        me.when().put("/api/v1/notification-preferences/me").then().statusCode(200);
        asNationalAdmin().when().delete("/api/v1/notification-recipients/" + person).then().statusCode(204);

        List<JsonNode> events = OutboxContents.events(dataSource, e -> person.equals(e.key())).stream()
                .map(OutboxContents.Stored::envelope).toList();
        assertEquals(List.of(NotificationEvents.REGISTERED, NotificationEvents.UPDATED,
                NotificationEvents.PREFERENCES_UPDATED, NotificationEvents.REMOVED),
                events.stream().map(e -> e.path("type").asText()).toList(), "an identical replace publishes nothing");
        JsonNode updated = events.get(1).path("data");
        assertEquals("en", updated.path("language").asText());
        assertEquals(tree[1], updated.path("orgUnitCode").asText());
        assertEquals(2, updated.path("kinds").size());
        JsonNode preferences = events.get(2).path("data");
        assertFalse(preferences.path("emailEnabled").asBoolean(true));
        assertEquals("ASSIGNMENT", preferences.path("mutedKinds").path(0).asText());
        for (JsonNode event : events) {
            assertFalse(event.toString().contains(NotificationFixtures.emailOf(person)), "the address leaks: " + event);
        }
    }

    private static void put(String person, Map<String, Object> body, int status) {
        asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/notification-recipients/" + person).then().statusCode(status);
    }
}
