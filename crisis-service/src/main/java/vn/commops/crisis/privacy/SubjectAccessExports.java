package vn.commops.crisis.privacy;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import vn.commops.common.security.Caller;
import vn.commops.crisis.feedback.ContactAccess;
import vn.commops.crisis.feedback.ContactAction;
import vn.commops.crisis.feedback.ContactService.AccessView;
import vn.commops.crisis.feedback.Feedback;
import vn.commops.crisis.feedback.FeedbackContact;
import vn.commops.crisis.privacy.PrivacyViews.HeldContact;
import vn.commops.crisis.privacy.PrivacyViews.SubjectAccessExport;

/** What the service holds about one person, for their subject access request; each contact exported is audited. */
@ApplicationScoped
public class SubjectAccessExports {

    private static final Logger LOG = Logger.getLogger(SubjectAccessExports.class);

    private final Caller caller;
    private final PrivacyConfig config;
    private final ContactErasures erasures;

    SubjectAccessExports(Caller caller, PrivacyConfig config, ContactErasures erasures) {
        this.caller = caller;
        this.config = config;
        this.erasures = erasures;
    }

    @Transactional
    public SubjectAccessExport export(String written) {
        String identifier = ContactErasures.identifier(written);
        OffsetDateTime now = OffsetDateTime.now();
        List<HeldContact> held = new ArrayList<>();
        for (FeedbackContact contact : ContactErasures.heldFor(identifier)) {
            // The export is recorded first, so the person sees it among the accesses they are sent.
            ContactAccess.record(contact.feedbackId, ContactAction.EXPORTED, caller.name(), now, null);
            held.add(held(contact));
        }
        LOG.infof("Subject access export by %s: %d contact(s)", caller.name(), held.size());
        return new SubjectAccessExport(identifier, now, held, erasures.earlierFor(identifier));
    }

    private HeldContact held(FeedbackContact contact) {
        Feedback feedback = Feedback.findById(contact.feedbackId);
        List<AccessView> accesses = ContactAccess.<ContactAccess>list("feedbackId",
                Sort.ascending("accessedAt").and("id"), contact.feedbackId).stream().map(AccessView::of).toList();
        return new HeldContact(feedback.id, feedback.channel, feedback.text, feedback.orgUnitCode, feedback.receivedAt,
                contact.contact, contact.lawfulBasis, contact.consentTextVersion, contact.consentGivenAt,
                contact.recordedAt, contact.recordedAt.plus(config.feedbackContactRetention()), accesses);
    }
}
