package vn.commops.gateway.routing;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.arc.Arc;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.LateBoundSpanProcessor;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.RemoveableLateBoundSpanProcessor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.SignedIn;
import vn.commops.gateway.support.StubServices;

/** Without COMMOPS_OTEL_ENDPOINT, as in every other test: trace context still flows, nothing is exported. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class TraceExportOffTest {

    @Test
    void withoutAnEndpointNoSpanIsExportedButTheTraceStillReachesTheService() {
        // Quarkus' stand-in for its OTLP exporter when there is no endpoint: no exporter, no connection.
        assertInstanceOf(RemoveableLateBoundSpanProcessor.class,
                Arc.container().select(LateBoundSpanProcessor.class).get());

        SignedIn.given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/api/v1/plans")
                .then().statusCode(200).body("headers.traceparent", startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
    }
}
