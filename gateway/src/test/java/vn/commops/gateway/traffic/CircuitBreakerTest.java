package vn.commops.gateway.traffic;

import vn.commops.gateway.support.SignedIn;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.StubServices;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
@TestProfile(CircuitBreakerTest.QuickCircuits.class)
class CircuitBreakerTest {

    public static class QuickCircuits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commops.gateway.circuit-breaker.failure-threshold", "3",
                    "commops.gateway.circuit-breaker.cool-down", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FlakyService.class));
        }
    }

    @Test
    void aFailingServiceIsCutOffAndAnsweredAtOnceUntilItWorksAgain() throws Exception {
        control("failing");
        int before = Integer.parseInt(control("hits"));
        for (int i = 0; i < 3; i++) {
            SignedIn.given().get("/api/v1/flaky/1").then().statusCode(500);
        }

        SignedIn.given().header("Accept-Language", "en").get("/api/v1/flaky/1").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:commops:problem:service-unavailable"))
                .body("detail", containsString("flaky service"))
                .body("instance", equalTo("/api/v1/flaky/1"));
        assertEquals(before + 3, Integer.parseInt(control("hits")), "the cut-off request never reached the service");
        SignedIn.given().get("/api/v1/plans").then().statusCode(200);
        given().get("/q/health/group/" + CircuitStates.GROUP).then().statusCode(503)
                .body("checks[0].data.flaky", equalTo("OPEN"))
                .body("checks[0].data.plan", equalTo("CLOSED"));

        control("working");
        Thread.sleep(1_100); // the cool-down

        SignedIn.given().get("/api/v1/flaky/1").then().statusCode(200).header("Retry-After", nullValue());
        SignedIn.given().get("/api/v1/flaky/2").then().statusCode(200);
        given().get("/q/health/group/" + CircuitStates.GROUP).then()
                .body("checks[0].data.flaky", equalTo("CLOSED"));
    }

    @Test
    void aBusyServiceAnswering503IsPassedOnNotCutOff() throws Exception {
        control("busy");
        try {
            int before = Integer.parseInt(control("hits"));
            for (int i = 0; i < 5; i++) {
                SignedIn.given().get("/api/v1/flaky/busy").then().statusCode(503).header("Retry-After", "2");
            }
            assertEquals(before + 5, Integer.parseInt(control("hits")),
                    "every request reached the service: it sheds load itself, the gateway adds no cut-off");
            given().get("/q/health/group/" + CircuitStates.GROUP).then()
                    .body("checks[0].data.flaky", equalTo("CLOSED"));
        } finally {
            control("working");
        }
    }

    @Test
    void anUnreachableServiceIsCutOffToo() {
        // Each attempt is a transient outage the client may retry; the answers differ in who gave up.
        for (int i = 0; i < 3; i++) {
            SignedIn.given().header("Accept-Language", "en").get("/api/v1/feedback").then().statusCode(503)
                    .header("Retry-After", "1")
                    .body("detail", containsString("cannot be reached"));
        }

        SignedIn.given().header("Accept-Language", "en").get("/api/v1/feedback").then().statusCode(503)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:commops:problem:service-unavailable"))
                .body("detail", containsString("crisis service"))
                .body("detail", containsString("holds requests back"));
    }

    /** Straight to the flaky service, not through the gateway. */
    private static String control(String what) throws IOException, InterruptedException {
        String flaky = ConfigProvider.getConfig().getValue(FlakyService.URL, String.class);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(flaky + "/control/" + what)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        return answer.body();
    }
}
