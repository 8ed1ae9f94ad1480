package vn.commops.crisis.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import vn.commops.common.event.QuietWhenStopping;
import vn.commops.common.privacy.RetentionPass;
import vn.commops.crisis.feedback.FeedbackContact;

/**
 * Anonymises feedback senders' contacts once their retention period has run out
 * ({@code commops.privacy.feedback-contact-retention}, from when the contact was taken): the contact becomes
 * a tombstone, each one is audited, and each pass is recorded as one erasure.
 */
@ApplicationScoped
public class ContactRetention {

    private final RetentionPass<FeedbackContact, ContactErasure> pass;

    ContactRetention(PrivacyConfig config, FeedbackContactStore store) {
        this.pass = new RetentionPass<>(store, ContactErasure::new, config);
    }

    @QuietWhenStopping
    @Scheduled(identity = "feedback-contact-retention",
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
