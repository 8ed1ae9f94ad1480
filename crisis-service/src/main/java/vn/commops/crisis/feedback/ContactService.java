package vn.commops.crisis.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import io.quarkus.panache.common.Sort;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/** Hands a person's contact to the few roles that may call them back, and records each time it does. */
@ApplicationScoped
public class ContactService {

    private static final Logger LOG = Logger.getLogger(ContactService.class);

    private final Caller caller;

    ContactService(Caller caller) {
        this.caller = caller;
    }

    @Transactional
    public ContactView contactOf(UUID feedbackId) {
        if (Feedback.findById(feedbackId) == null) {
            throw ProblemException.notFound("Feedback", feedbackId.toString());
        }
        FeedbackContact contact = FeedbackContact.findById(feedbackId);
        if (contact == null) {
            throw ProblemException.notFound("Contact of feedback", feedbackId.toString());
        }
        ContactAccess access = new ContactAccess();
        access.feedbackId = feedbackId;
        access.accessedBy = caller.name();
        access.accessedAt = OffsetDateTime.now();
        access.persist();
        // The fact of the access is logged, never the contact itself.
        LOG.infof("Contact of feedback %s read by %s", feedbackId, access.accessedBy);
        return new ContactView(feedbackId, contact.contact, access.accessedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccessView> accessesTo(UUID feedbackId) {
        if (Feedback.findById(feedbackId) == null) {
            throw ProblemException.notFound("Feedback", feedbackId.toString());
        }
        return ContactAccess.<ContactAccess>list("feedbackId", Sort.ascending("accessedAt"), feedbackId).stream()
                .map(a -> new AccessView(a.accessedBy, a.accessedAt)).toList();
    }

    @Schema(name = "FeedbackContactAccess", description = "One recorded read of a person's contact")
    public record AccessView(@Schema(examples = "crisis-analyst") String accessedBy, OffsetDateTime accessedAt) {
    }

    @Schema(name = "FeedbackContact", description = "The person's contact; every read is recorded")
    public record ContactView(UUID feedbackId, @Schema(examples = "0912 345 678") String contact,
            @Schema(description = "When this read was recorded") OffsetDateTime accessRecordedAt) {

        @Override
        public String toString() {
            return "ContactView[" + feedbackId + ", contact hidden]";
        }
    }
}
