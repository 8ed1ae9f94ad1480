package vn.commops.activity.subscription;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.commops.common.event.QuietWhenStopping;

/**
 * Measures the deliveries waiting (for the metrics) and forgets what is past the retention period: events kept
 * for retries and replays, with their deliveries, once none of them is still pending.
 */
@ApplicationScoped
public class DeliveryBacklog {

    private static final Logger LOG = Logger.getLogger(DeliveryBacklog.class);
    private static final int PURGE_BATCH = 10_000;

    private final WebhooksConfig config;
    private final WebhookMetrics metrics;

    DeliveryBacklog(WebhooksConfig config, WebhookMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @QuietWhenStopping
    @Scheduled(every = "${commops.events.consumer-lag-interval:15s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void measure() {
        Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery("""
                select count(*), coalesce(extract(epoch from now() - min(next_attempt_at) filter (
                           where next_attempt_at <= now())), 0)
                from webhook_delivery where status = 'PENDING'
                """).getSingleResult();
        metrics.backlog(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    @QuietWhenStopping
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int removed;
        int total = 0;
        do {
            removed = purgeBatch();
            total += removed;
        } while (removed == PURGE_BATCH);
        if (total > 0) {
            LOG.infof("Forgot %d webhook events older than %s", total, config.retention());
        }
    }

    @Transactional
    int purgeBatch() {
        return Panache.getEntityManager().createNativeQuery("""
                delete from webhook_event where event_id in (
                    select e.event_id from webhook_event e
                    where e.received_at < now() - cast(:retention as interval)
                      and not exists (select 1 from webhook_delivery d
                                      where d.event_id = e.event_id and d.status = 'PENDING')
                    limit :batch)
                """)
                .setParameter("retention", config.retention().toSeconds() + " seconds")
                .setParameter("batch", PURGE_BATCH)
                .executeUpdate();
    }
}
