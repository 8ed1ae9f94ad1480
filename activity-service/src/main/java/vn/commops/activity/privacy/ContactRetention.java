package vn.commops.activity.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.commops.common.event.QuietWhenStopping;

/**
 * Anonymises communicators' contacts once their retention period has run out
 * ({@code commops.privacy.communicator-contact-retention}, from when the contact was taken): phone and e-mail
 * go, each one is audited, and each pass is recorded as one erasure.
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
    @Scheduled(identity = "communicator-contact-retention",
            every = "${commops.privacy.retention-check-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
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
            LOG.infof("Anonymised %d communicator contact(s) past their retention period", total);
        }
    }

    /**
     * Anonymises up to one batch of contacts taken before {@code now} minus the retention period; returns how
     * many. Instances running it at once take different contacts (skip locked).
     */
    @Transactional
    public int anonymiseExpired(OffsetDateTime now) {
        UUID erasureId = UUID.randomUUID();
        OffsetDateTime cutoff = now.minus(config.communicatorContactRetention());
        int anonymised = ((Number) Panache.getEntityManager().createNativeQuery("""
                with expired as (
                    select communicator_id from communicator_contact
                     where erased_at is null and recorded_at < :cutoff
                     order by recorded_at limit :batch for update skip locked),
                erased as (
                    update communicator_contact c set phone = null, email = null, identifiers = '{}',
                           erased_at = :now, erasure_id = :erasure
                      from expired e where c.communicator_id = e.communicator_id returning c.communicator_id),
                audited as (
                    insert into communicator_contact_access (communicator_id, accessed_by, accessed_at, action,
                                                             erasure_id)
                    select communicator_id, :actor, :now, 'ANONYMISED', :erasure from erased returning 1)
                select count(*) from audited""")
                .setParameter("cutoff", cutoff).setParameter("batch", config.retentionBatchSize())
                .setParameter("now", now).setParameter("erasure", erasureId).setParameter("actor", ACTOR)
                .getSingleResult()).intValue();
        if (anonymised > 0) {
            ContactErasure erasure = new ContactErasure();
            erasure.id = erasureId;
            erasure.cause = ErasureCause.RETENTION;
            erasure.reason = "retention period " + config.communicatorContactRetention() + " ended";
            erasure.requestedBy = ACTOR;
            erasure.erasedAt = now;
            erasure.contactsErased = anonymised;
            erasure.persist();
        }
        return anonymised;
    }
}
