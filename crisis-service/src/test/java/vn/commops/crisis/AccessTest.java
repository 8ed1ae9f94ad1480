package vn.commops.crisis;

import static io.restassured.RestAssured.given;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asPartner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;

@QuarkusTest
class AccessTest {

    private static Map<String, Object> feedback(String unit) {
        return Map.of("channel", "PORTAL", "text", "Khi nào tôi nhận được thẻ BHYT?", "orgUnitCode", unit);
    }

    @Test
    void officesTakeFeedbackForTheirUnitsAnalystsForAny() {
        String[] mine = OrgUnitEventsFixture.knownProvinceAndCommune();
        String[] theirs = OrgUnitEventsFixture.knownProvinceAndCommune();

        as("unit-officer", mine[0]).contentType(ContentType.JSON).body(feedback(mine[1]))
                .when().post("/api/v1/feedback").then().statusCode(201);
        as("unit-officer", mine[0]).contentType(ContentType.JSON).body(feedback(theirs[1]))
                .when().post("/api/v1/feedback").then().statusCode(403);
        as("crisis-analyst").contentType(ContentType.JSON).body(feedback(theirs[1]))
                .when().post("/api/v1/feedback").then().statusCode(201);
    }

    @Test
    void partnersAndAnonymousCallersReadNoFeedback() {
        asPartner("press", "LC").when().get("/api/v1/feedback").then().statusCode(403);
        as("unit-officer", "LC").when().get("/api/v1/feedback").then().statusCode(403);
        given().when().get("/api/v1/feedback").then().statusCode(401).contentType("application/problem+json");
    }
}
