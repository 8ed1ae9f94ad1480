package vn.commops.plan.notification;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.plan.notification.NotificationFixtures.recipient;
import static vn.commops.plan.notification.NotificationFixtures.uniqueUser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TestTokens;
import vn.commops.plan.orgunit.OrgUnitFixtures;

@QuarkusTest
class NotificationRecipientResourceTest {

    @Test
    void aUnitManagerManagesThePeopleOfTheirUnitsOnly() {
        String[] tree = OrgUnitFixtures.tree();
        String[] other = OrgUnitFixtures.tree();
        String person = uniqueUser("officer");

        as("unit-manager", tree[1]).contentType(ContentType.JSON)
                .body(recipient(person, "vi", tree[2], List.of("ASSIGNMENT"), List.of()))
                .when().put("/api/v1/notification-recipients/" + person)
                .then().statusCode(201)
                .body("orgUnitCode", equalTo(tree[2]))
                .body("kinds", contains("ASSIGNMENT"));
        as("unit-manager", other[1]).when().get("/api/v1/notification-recipients/" + person)
                .then().statusCode(403)
                .body("type", equalTo("urn:commops:problem:org-unit-not-granted"));
        as("unit-manager", other[1]).contentType(ContentType.JSON)
                .body(recipient(person, "vi", other[2], List.of("ASSIGNMENT"), List.of()))
                .when().put("/api/v1/notification-recipients/" + person)
                .then().statusCode(403);
        as("unit-manager", tree[1]).queryParam("orgUnitCode", tree[2]).when().get("/api/v1/notification-recipients")
                .then().statusCode(200)
                .body("username", contains(person));
        as("viewer").when().get("/api/v1/notification-recipients/" + person).then().statusCode(403);
        as("unit-manager", tree[1]).when().delete("/api/v1/notification-recipients/" + person).then().statusCode(204);
        asNationalAdmin().when().get("/api/v1/notification-recipients/" + person).then().statusCode(404);
    }

    @Test
    void invalidRecipientsAreRefusedNamingTheField() {
        String[] tree = OrgUnitFixtures.tree();
        String person = uniqueUser("officer");
        Map<String, Object> body = recipient(person, "fr", tree[2], List.of(), List.of());
        body.put("email", "not-an-address");
        asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/notification-recipients/" + person)
                .then().statusCode(400)
                .body("type", equalTo("urn:commops:problem:validation"))
                .body("errors.field", contains("email", "kinds", "language"));
        OffsetDateTime now = OffsetDateTime.now();
        asNationalAdmin().contentType(ContentType.JSON)
                .body(recipient(person, "vi", tree[2], List.of("CRISIS_SIGNAL"),
                        List.of(NotificationFixtures.window(now, now.minusHours(1)))))
                .when().put("/api/v1/notification-recipients/" + person)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("dutyWindows[0].endsAt"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(recipient(person, "vi", "NOWHERE", List.of("ASSIGNMENT"), List.of()))
                .when().put("/api/v1/notification-recipients/" + person)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("orgUnitCode"));
    }

    @Test
    void everyoneReadsAndSetsOnlyTheirOwnPreferences() {
        String[] tree = OrgUnitFixtures.tree();
        String person = uniqueUser("analyst");
        NotificationFixtures.register(person, "en", tree[1], List.of("CRISIS_SIGNAL", "OVERDUE_ANSWER"), List.of());
        var me = RestAssured.given().auth().oauth2(TestTokens.token(person, List.of("crisis-analyst"), List.of()));

        me.when().get("/api/v1/notification-preferences/me").then().statusCode(200)
                .body("emailEnabled", equalTo(true))
                .body("receives", contains("CRISIS_SIGNAL", "OVERDUE_ANSWER"));
        RestAssured.given().auth().oauth2(TestTokens.token(person, List.of("crisis-analyst"), List.of()))
                .contentType(ContentType.JSON).body(Map.of("emailEnabled", false))
                .when().put("/api/v1/notification-preferences/me").then().statusCode(200)
                .body("receives.size()", equalTo(0));
        as("viewer").when().get("/api/v1/notification-preferences/me").then().statusCode(404);
        RestAssured.given().auth().oauth2(TestTokens.token(person, List.of("crisis-analyst"), List.of()))
                .contentType(ContentType.JSON).body(Map.of("mutedKinds", List.of("NOPE")))
                .when().put("/api/v1/notification-preferences/me").then().statusCode(400);
    }
}
