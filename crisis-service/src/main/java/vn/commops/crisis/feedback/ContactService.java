package vn.commops.crisis.feedback;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.commops.common.privacy.LawfulBasis;
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

    /** The contact, or its tombstone once erased; either way the read is recorded. */
    @Transactional
    public ContactView contactOf(UUID feedbackId) {
        if (Feedback.findById(feedbackId) == null) {
            throw ProblemException.notFound("Feedback", feedbackId.toString());
        }
        FeedbackContact contact = FeedbackContact.findById(feedbackId);
        if (contact == null) {
            throw ProblemException.notFound("Contact of feedback", feedbackId.toString());
        }
        ContactAccess access = ContactAccess.record(feedbackId, ContactAction.READ, caller.name(),
                OffsetDateTime.now(), null);
        // The fact of the access is logged, never the contact itself.
        LOG.infof("Contact of feedback %s read by %s", feedbackId, access.accessedBy);
        return new ContactView(feedbackId, contact.contact, contact.lawfulBasis, contact.consentTextVersion,
                contact.consentGivenAt, contact.recordedAt, contact.erasedAt, access.accessedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccessView> accessesTo(UUID feedbackId) {
        if (Feedback.findById(feedbackId) == null) {
            throw ProblemException.notFound("Feedback", feedbackId.toString());
        }
        return ContactAccess.<ContactAccess>list("feedbackId", Sort.ascending("accessedAt").and("id"), feedbackId)
                .stream().map(AccessView::of).toList();
    }

    @Schema(name = "FeedbackContactAccess", description = "One recorded read, export or erasure of a person's contact")
    public record AccessView(@Schema(examples = "crisis-analyst") String accessedBy, OffsetDateTime accessedAt,
            @Schema(examples = "READ") ContactAction action,
            @Schema(description = "The erasure, for ERASED and ANONYMISED") UUID erasureId) {

        public static AccessView of(ContactAccess access) {
            return new AccessView(access.accessedBy, access.accessedAt, access.action, access.erasureId);
        }
    }

    @Schema(name = "FeedbackContact", description = "The person's contact and why it is kept; every read is recorded")
    public record ContactView(UUID feedbackId,
            @Schema(description = "The contact; once erased, a tombstone saying when and by which erasure",
                    examples = "0912 345 678") String contact,
            @Schema(description = "Why it may be kept; absent for contacts taken before it was recorded",
                    examples = "CONSENT") LawfulBasis lawfulBasis,
            @Schema(examples = "hotline-consent-2024-01") String consentTextVersion,
            OffsetDateTime consentGivenAt,
            @Schema(description = "When it was taken; the retention period runs from here") OffsetDateTime recordedAt,
            @Schema(description = "When it was erased or anonymised; absent while it is held") OffsetDateTime erasedAt,
            @Schema(description = "When this read was recorded") OffsetDateTime accessRecordedAt) {

        @Override
        public String toString() {
            return "ContactView[" + feedbackId + ", contact hidden]";
        }
    }
}
