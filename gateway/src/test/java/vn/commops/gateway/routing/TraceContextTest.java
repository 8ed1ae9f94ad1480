package vn.commops.gateway.routing;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.SignedIn;
import vn.commops.gateway.support.StubServices;

/**
 * The W3C trace context a service receives through the gateway, as {@link TracedService} saw every
 * header value of it; and that the gateway's spans go to the OTLP endpoint once one is set.
 */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
@TestProfile(TraceContextTest.Traced.class)
class TraceContextTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String CLIENT_SPAN = "b7ad6b7169203331";

    public static class Traced implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TracedService.class));
        }
    }

    @Test
    void aForwardedRequestContinuesTheClientsTraceFromTheGatewaysSpan() {
        Response response = SignedIn.given()
                .header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01")
                .header("tracestate", "congo=t61rcWkgMzE")
                .get("/api/v1/traced/1");

        response.then().statusCode(200).body("traceparent", hasSize(1)).body("tracestate", contains("congo=t61rcWkgMzE"));
        String[] forwarded = traceparentOf(response);
        assertEquals(TRACE_ID, forwarded[1], "the client's trace");
        assertNotEquals(CLIENT_SPAN, forwarded[2], "a span of the gateway's, child of the client's");
        assertEquals("01", forwarded[3], "the client's sampling decision");
    }

    @Test
    void withoutATraceparentTheGatewayStartsATrace() {
        Response first = SignedIn.given().get("/api/v1/traced/1");
        Response second = SignedIn.given().get("/api/v1/traced/2");

        first.then().statusCode(200).body("traceparent", hasSize(1)).body("tracestate", empty());
        assertNotEquals(traceparentOf(first)[1], traceparentOf(second)[1], "a trace of its own for each request");
    }

    @Test
    void aGarbageTraceparentIsIgnoredAndANewTraceStarted() {
        for (String garbage : new String[] {"garbage", "00-" + TRACE_ID + "-" + CLIENT_SPAN, "ff-" + TRACE_ID
                + "-" + CLIENT_SPAN + "-01", "00-00000000000000000000000000000000-" + CLIENT_SPAN + "-01",
                "00-" + TRACE_ID.toUpperCase() + "-" + CLIENT_SPAN + "-01", "x".repeat(8000)}) {
            Response response = SignedIn.given().header("traceparent", garbage).header("tracestate", "congo=stale")
                    .get("/api/v1/traced/1");

            response.then().statusCode(200).body("traceparent", hasSize(1)).body("tracestate", empty());
            assertNotEquals(TRACE_ID, traceparentOf(response)[1], garbage);
        }
        SignedIn.given().header("traceparent", "a").header("traceparent", "b").get("/api/v1/traced/1")
                .then().statusCode(200).body("traceparent", hasSize(1));
    }

    @Test
    void theGatewaysSpansGoToTheConfiguredEndpoint() throws InterruptedException {
        SignedIn.given().get("/api/v1/traced/exported").then().statusCode(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (TracedService.exports() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(TracedService.exports() > 0, "an OTLP export reached the collector");
    }

    /** {@code [version, trace id, parent span id, flags]} of the one traceparent the service received. */
    private static String[] traceparentOf(Response response) {
        String traceparent = response.path("traceparent[0]");
        assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"), traceparent);
        return traceparent.split("-");
    }
}
