package vn.commops.common.event;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The relay is DEGRADED when an unsent event has waited longer than {@code degraded-after}: in the
 * {@code pipeline} health group ({@code /q/health/group/pipeline}), not in readiness, because the
 * service still takes writes while Kafka is away, and they are sent when it returns.
 */
@HealthGroup("pipeline")
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxMetrics metrics;
    private final Duration degradedAfter;

    @Inject
    OutboxHealth(OutboxMetrics metrics, EventsConfig config) {
        this(metrics, config.relay().degradedAfter());
    }

    OutboxHealth(OutboxMetrics metrics, Duration degradedAfter) {
        this.metrics = metrics;
        this.degradedAfter = degradedAfter;
    }

    @Override
    public HealthCheckResponse call() {
        long age = metrics.oldestUnsentSeconds();
        boolean degraded = age > degradedAfter.toSeconds();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox relay")
                .withData("state", degraded ? "DEGRADED" : "RELAYING")
                .withData("backlogRows", metrics.backlogRows())
                .withData("oldestUnsentSeconds", Math.max(age, 0));
        return (degraded ? response.down() : response.up()).build();
    }
}
