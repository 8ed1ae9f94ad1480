package vn.commops.gateway.traffic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.StubServices;

/** The default origin, http://localhost:3000, stands for the web app. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class CrossOriginTest {

    private static final String WEB_APP = "http://localhost:3000";

    @Test
    void aPreflightFromTheWebAppIsAllowedWhatTheApiNeeds() {
        given().header("Origin", WEB_APP)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,idempotency-key,if-match,x-request-id")
                .options("/api/v1/plans/7")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", WEB_APP)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Idempotency-Key"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("If-Match"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("X-Request-Id"));
    }

    @Test
    void aPreflightFromAnotherOriginIsNotAllowed() {
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/plans")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theWebAppMayReadTheHeadersItNeedsOnAServicesAnswer() {
        given().header("Origin", WEB_APP).get("/api/v1/plans")
                .then()
                .header("Access-Control-Allow-Origin", WEB_APP)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }
}
