package vn.commops.activity.subscription;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import vn.commops.activity.subscription.DeliveryLedger.Claimed;
import vn.commops.common.event.QuietWhenStopping;

/**
 * Sends due deliveries from a bounded pool of senders ({@code commops.webhooks.senders}), each attempt under the
 * per-target timeout, at most {@code senders-per-subscription} of one subscription at once: a slow or dead
 * receiver holds that many senders and only its own deliveries wait. Deliveries of one subscription may
 * arrive out of order; receivers order by the event's {@code time} and deduplicate by its id.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final WebhooksConfig config;
    private final DeliveryLedger ledger;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final ExecutorService senders;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, AtomicInteger> inFlightBySubscription = new ConcurrentHashMap<>();

    DeliveryWorker(WebhooksConfig config, DeliveryLedger ledger, WebhookSender sender, WebhookMetrics metrics) {
        this.config = config;
        this.ledger = ledger;
        this.sender = sender;
        this.metrics = metrics;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(config.senders(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @QuietWhenStopping
    @Scheduled(every = "${commops.webhooks.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        int free = config.senders() - inFlight.get();
        if (free <= 0) {
            return;
        }
        List<Claimed> claimed = ledger.claimDue(free, sendingNow());
        for (Claimed delivery : claimed) {
            inFlight.incrementAndGet();
            inFlightBySubscription.computeIfAbsent(delivery.subscriptionId(), id -> new AtomicInteger())
                    .incrementAndGet();
            senders.execute(() -> {
                try {
                    attempt(delivery);
                } finally {
                    inFlight.decrementAndGet();
                    inFlightBySubscription.computeIfPresent(delivery.subscriptionId(),
                            (id, count) -> count.decrementAndGet() <= 0 ? null : count);
                }
            });
        }
    }

    private Map<UUID, Integer> sendingNow() {
        Map<UUID, Integer> snapshot = new HashMap<>();
        inFlightBySubscription.forEach((id, count) -> snapshot.put(id, count.get()));
        return Map.copyOf(snapshot);
    }

    private void attempt(Claimed delivery) {
        WebhookSender.Result result;
        try {
            result = sender.send(delivery);
        } catch (RuntimeException e) {
            result = WebhookSender.Result.failure(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            if (result.delivered()) {
                ledger.delivered(delivery.deliveryId(), result.statusCode());
                metrics.delivered();
            } else {
                boolean deadLettered = ledger.failed(delivery.deliveryId(), delivery.attempts(), result.statusCode(),
                        result.error());
                metrics.failed(deadLettered);
            }
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is tried again: at least once, never lost.
            LOG.warnf("Outcome of webhook delivery %s not recorded: %s", delivery.deliveryId(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
