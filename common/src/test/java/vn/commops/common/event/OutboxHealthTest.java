package vn.commops.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class OutboxHealthTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxMetrics metrics = new OutboxMetrics(null, registry);
    private final OutboxHealth health = new OutboxHealth(metrics, Duration.ofSeconds(60));

    @Test
    void theRelayIsDegradedOnceAnUnsentEventWaitsTooLong() {
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus()); // not measured yet

        metrics.record(120, 59);
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
        assertEquals("RELAYING", health.call().getData().orElseThrow().get("state"));

        metrics.record(4_000, 61);
        HealthCheckResponse degraded = health.call();
        assertEquals(HealthCheckResponse.Status.DOWN, degraded.getStatus());
        assertEquals("DEGRADED", degraded.getData().orElseThrow().get("state"));
        assertEquals(4_000L, degraded.getData().orElseThrow().get("backlogRows"));
    }

    @Test
    void theBacklogIsExportedUnderTheNamesTheAlertsUse() {
        metrics.record(7, 3);
        metrics.relayed(5);
        metrics.relayFailed();
        assertEquals(7.0, registry.get("commops.outbox.backlog.rows").gauge().value());
        assertEquals(3.0, registry.get("commops.outbox.oldest.unsent.age.seconds").gauge().value());
        assertEquals(5.0, registry.get("commops.outbox.relayed.events").counter().count());
        assertEquals(1.0, registry.get("commops.outbox.relay.failures").counter().count());
    }
}
