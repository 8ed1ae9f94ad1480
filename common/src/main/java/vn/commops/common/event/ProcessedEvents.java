package vn.commops.common.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumer side of exactly-once effects: an event's id is recorded in the same transaction as
 * the effect it causes, so a redelivered event is recognised and changes nothing. Each one recognised
 * is counted ({@code commops_inbox_duplicates_total} by consumer): redeliveries after a crash or a
 * rebalance are normal; a steady stream of them means a consumer keeps failing after its effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String DUPLICATES = "commops.inbox.duplicates";

    private final EntityManager entityManager;
    private final MeterRegistry registry;
    /** One counter a consumer, looked up once: the lookup is on every event's path. */
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();

    ProcessedEvents(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.registry = registry;
    }

    /** Records the event for this consumer; false when it was already processed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        boolean first = entityManager.createNativeQuery(
                "insert into processed_event (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate() == 1;
        duplicatesAbsorbed(consumer, first ? 0 : 1);
        return first;
    }

    /**
     * For a consumer that records a whole batch's ids in one statement of its own. Called with 0 too,
     * so that each consumer's series exists from its first event on.
     */
    public void duplicatesAbsorbed(String consumer, int count) {
        duplicates.computeIfAbsent(consumer, c -> registry.counter(DUPLICATES, "consumer", c)).increment(count);
    }
}
