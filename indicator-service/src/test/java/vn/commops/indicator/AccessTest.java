package vn.commops.indicator;

import static io.restassured.RestAssured.given;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asPartner;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTest {

    @Test
    void indicatorsAreForStaffOnly() {
        given().queryParam("orgUnit", "VN").queryParam("period", "2024")
                .when().get("/api/v1/indicators/activity-totals")
                .then().statusCode(401).contentType("application/problem+json");
        asPartner("post-office", "LC").queryParam("orgUnit", "LC").queryParam("period", "2024")
                .when().get("/api/v1/indicators/activity-totals")
                .then().statusCode(403).contentType("application/problem+json");
        as("viewer").queryParam("orgUnit", "NOWHERE").queryParam("period", "2024")
                .when().get("/api/v1/indicators/activity-totals")
                .then().statusCode(404);
    }
}
