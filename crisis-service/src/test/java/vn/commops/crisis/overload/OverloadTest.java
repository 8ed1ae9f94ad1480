package vn.commops.crisis.overload;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service that takes no more requests answers the next one at once with 503 and Retry-After. */
@QuarkusTest
@TestProfile(OverloadTest.Full.class)
class OverloadTest {

    /** As if as many requests as the service takes were already under way. */
    public static class Full implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commops.http.max-concurrent-requests", "0");
        }
    }

    @Test
    void anApiRequestBeyondTheLimitIsRefusedAtOnceWithRetryAfter() {
        as("viewer").when().get("/api/v1/topics").then().statusCode(503)
                .time(lessThan(1L), TimeUnit.SECONDS)
                .header("Retry-After", "1")
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:commops:problem:overloaded"))
                .body("status", equalTo(503));
    }

    @Test
    void healthIsNeverRefused() {
        RestAssured.when().get("/q/health/ready").then().statusCode(200);
    }
}
