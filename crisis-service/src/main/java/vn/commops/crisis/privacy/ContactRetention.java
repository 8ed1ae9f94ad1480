package vn.commops.crisis.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.commops.common.event.QuietWhenStopping;

/**
 * Anonymises feedback senders' contacts once their retention period has run out
 * ({@code commops.privacy.feedback-contact-retention}, from when the contact was taken): the contact becomes
 * a tombstone, each one is audited, and each pass is recorded as one erasure.
 */
@ApplicationScoped
public class ContactRetention {

    private static final Logger LOG = Logger.getLogger(ContactRetention.class);
    static final String ACTOR = "retention-job";

    private final PrivacyConfig config;

    ContactRetention(PrivacyConfig config) {
        this.config = config;
    }

    @QuietWhenStopping
    @Scheduled(identity = "feedback-contact-retention", every = "${commops.privacy.retention-check-interval:1h}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPass() {
        OffsetDateTime now = OffsetDateTime.now();
        int total = 0;
        int anonymised;
        do {
            anonymised = anonymiseExpired(now);
            total += anonymised;
        } while (anonymised == config.retentionBatchSize());
        if (total > 0) {
            LOG.infof("Anonymised %d feedback contact(s) past their retention period", total);
        }
    }

    /**
     * Anonymises up to one batch of contacts taken before {@code now} minus the retention period; returns how
     * many. Instances running it at once take different contacts (skip locked).
     */
    @Transactional
    public int anonymiseExpired(OffsetDateTime now) {
        UUID erasureId = UUID.randomUUID();
        OffsetDateTime cutoff = now.minus(config.feedbackContactRetention());
        String tombstone = "anonymised on " + now.toLocalDate() + " after its retention period ("
                + config.feedbackContactRetention() + "), erasure " + erasureId;
        int anonymised = ((Number) Panache.getEntityManager().createNativeQuery("""
                with expired as (
                    select feedback_id from feedback_contact
                     where erased_at is null and recorded_at < :cutoff
                     order by recorded_at limit :batch for update skip locked),
                erased as (
                    update feedback_contact c set contact = :tombstone, identifiers = '{}', erased_at = :now,
                           erasure_id = :erasure
                      from expired e where c.feedback_id = e.feedback_id returning c.feedback_id),
                audited as (
                    insert into feedback_contact_access (feedback_id, accessed_by, accessed_at, action, erasure_id)
                    select feedback_id, :actor, :now, 'ANONYMISED', :erasure from erased returning 1)
                select count(*) from audited""")
                .setParameter("cutoff", cutoff).setParameter("batch", config.retentionBatchSize())
                .setParameter("tombstone", tombstone).setParameter("now", now).setParameter("erasure", erasureId)
                .setParameter("actor", ACTOR).getSingleResult()).intValue();
        if (anonymised > 0) {
            ContactErasure erasure = new ContactErasure();
            erasure.id = erasureId;
            erasure.cause = ErasureCause.RETENTION;
            erasure.reason = "retention period " + config.feedbackContactRetention() + " ended";
            erasure.requestedBy = ACTOR;
            erasure.erasedAt = now;
            erasure.contactsErased = anonymised;
            erasure.persist();
        }
        return anonymised;
    }
}
