package vn.commops.activity.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import vn.commops.activity.communicator.CommunicatorContact;
import vn.commops.common.event.QuietWhenStopping;
import vn.commops.common.privacy.RetentionPass;

/**
 * Anonymises communicators' contacts once their retention period has run out
 * ({@code commops.privacy.communicator-contact-retention}, from when the contact was taken): phone and e-mail
 * go, each one is audited, and each pass is recorded as one erasure.
 */
@ApplicationScoped
public class ContactRetention {

    private final RetentionPass<CommunicatorContact, ContactErasure> pass;

    ContactRetention(PrivacyConfig config, CommunicatorContactStore store) {
        this.pass = new RetentionPass<>(store, ContactErasure::new, config);
    }

    @QuietWhenStopping
    @Scheduled(identity = "communicator-contact-retention",
            every = "${commops.privacy.retention-check-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPass() {
        pass.untilDone(OffsetDateTime.now(), this::anonymiseExpired);
    }

    /** Anonymises up to one batch of contacts taken before {@code now} minus the retention period; returns how many. */
    @Transactional
    public int anonymiseExpired(OffsetDateTime now) {
        return pass.anonymiseExpired(now);
    }
}
