package vn.commops.activity.subscription;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code commops_webhook_deliveries_total{outcome}}: queued, delivered, failed (an attempt that will be retried)
 * and dead_lettered; {@code commops_webhook_deliveries_pending} and {@code commops_webhook_delivery_lag_seconds}
 * (how long the oldest due delivery has waited), measured by {@link DeliveryBacklog}. The fan-out's consumer lag
 * is {@code commops_consumer_lag_max_records{group="activity-service-webhooks"}}.
 */
@ApplicationScoped
public class WebhookMetrics {

    private static final String DELIVERIES = "commops.webhook.deliveries";

    private final Counter queued;
    private final Counter delivered;
    private final Counter failed;
    private final Counter deadLettered;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagSeconds = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        queued = registry.counter(DELIVERIES, "outcome", "queued");
        delivered = registry.counter(DELIVERIES, "outcome", "delivered");
        failed = registry.counter(DELIVERIES, "outcome", "failed");
        deadLettered = registry.counter(DELIVERIES, "outcome", "dead_lettered");
        Gauge.builder("commops.webhook.deliveries.pending", pending, AtomicLong::get)
                .description("Deliveries waiting for their first or next attempt").register(registry);
        Gauge.builder("commops.webhook.delivery.lag.seconds", lagSeconds, AtomicLong::get)
                .description("How long the oldest delivery that is due has been waiting").register(registry);
    }

    void queued(int count) {
        queued.increment(count);
    }

    void delivered() {
        delivered.increment();
    }

    void failed(boolean deadLetteredNow) {
        (deadLetteredNow ? deadLettered : failed).increment();
    }

    void backlog(long pendingNow, long oldestDueSeconds) {
        pending.set(pendingNow);
        lagSeconds.set(oldestDueSeconds);
    }
}
