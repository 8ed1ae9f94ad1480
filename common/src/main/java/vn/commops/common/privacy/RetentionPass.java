package vn.commops.common.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.jboss.logging.Logger;

/**
 * Anonymises a service's contacts once their retention period has run out, from when each was taken, in
 * batches; each batch is recorded as one erasure by the retention job. Not a bean: each service schedules its
 * own pass, under a job identity naming its contacts.
 *
 * @param <C> the service's contact entity
 * @param <E> the service's erasure entity
 */
public final class RetentionPass<C, E extends ErasureRecord> {

    private static final Logger LOG = Logger.getLogger(RetentionPass.class);
    /** Who the audit and the erasure record say did it. */
    public static final String ACTOR = "retention-job";

    private final ContactStore<C> store;
    private final Supplier<E> newErasure;
    private final int batchSize;

    public RetentionPass(ContactStore<C> store, Supplier<E> newErasure, PrivacySettings settings) {
        this.store = store;
        this.newErasure = newErasure;
        this.batchSize = settings.retentionBatchSize();
    }

    /**
     * Runs {@code batch} until one comes back short; returns the total. The batch is the service's transactional
     * call of {@link #anonymiseExpired}, so that each batch commits on its own.
     */
    public int untilDone(OffsetDateTime now, ToIntFunction<OffsetDateTime> batch) {
        int total = 0;
        int anonymised;
        do {
            anonymised = batch.applyAsInt(now);
            total += anonymised;
        } while (anonymised == batchSize);
        if (total > 0) {
            LOG.infof("Anonymised %d %s(s) past their retention period", total, store.noun());
        }
        return total;
    }

    /** One batch, in the caller's transaction: how many contacts it anonymised. */
    public int anonymiseExpired(OffsetDateTime now) {
        E erasure = newErasure.get();
        erasure.id = UUID.randomUUID();
        erasure.cause = ErasureCause.RETENTION;
        erasure.reason = "retention period " + store.retention() + " ended";
        erasure.requestedBy = ACTOR;
        erasure.erasedAt = now;
        erasure.contactsErased = store.anonymiseExpired(now.minus(store.retention()), batchSize, erasure);
        if (erasure.contactsErased > 0) {
            erasure.persist();
        }
        return erasure.contactsErased;
    }
}
