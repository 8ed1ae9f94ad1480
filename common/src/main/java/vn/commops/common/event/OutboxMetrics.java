package vn.commops.common.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * What an operator needs to see of the outbox: how much waits to be relayed and for how long, how
 * fast the relay sends and how often it fails. The backlog is measured on a schedule, not on each
 * scrape, so a scrape never waits for the database ({@link OutboxHealth} reads the same figures).
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final EntityManager entityManager;
    private final AtomicLong backlogRows = new AtomicLong();
    private final AtomicLong oldestUnsentSeconds = new AtomicLong();
    private final Counter relayed;
    private final Counter failures;
    private volatile boolean measured;

    OutboxMetrics(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("commops.outbox.backlog.rows", backlogRows, AtomicLong::get)
                .description("Outbox rows not yet relayed to Kafka (a bulk write's row holds all its events)")
                .register(registry);
        Gauge.builder("commops.outbox.oldest.unsent.age.seconds", oldestUnsentSeconds, AtomicLong::get)
                .description("Age of the oldest outbox row not yet relayed; 0 when none waits")
                .register(registry);
        this.relayed = Counter.builder("commops.outbox.relayed.events")
                .description("Events the relay sent and Kafka acknowledged").register(registry);
        this.failures = Counter.builder("commops.outbox.relay.failures")
                .description("Relay passes that failed: broker or database unavailable").register(registry);
    }

    void relayed(int events) {
        relayed.increment(events);
    }

    void relayFailed() {
        failures.increment();
    }

    @QuietWhenStopping
    @Scheduled(every = "${commops.events.relay.backlog-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureBacklog() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) "
                            + "from outbox_event where published_at is null")
                    .getSingleResult());
            record(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        } catch (RuntimeException e) {
            LOG.debugf("Outbox backlog not measured: %s", e.getMessage()); // the relay's own failures say why
        }
    }

    void record(long rows, long oldestSeconds) {
        backlogRows.set(rows);
        oldestUnsentSeconds.set(oldestSeconds);
        measured = true;
    }

    long backlogRows() {
        return backlogRows.get();
    }

    /** The oldest unsent row's age in seconds, or -1 before the first measure. */
    long oldestUnsentSeconds() {
        return measured ? oldestUnsentSeconds.get() : -1;
    }
}
