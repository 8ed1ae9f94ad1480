package vn.commops.crisis.privacy;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import vn.commops.common.privacy.ContactIdentifiers;
import vn.commops.common.privacy.SubjectAccessSearch;
import vn.commops.common.security.Caller;
import vn.commops.crisis.feedback.ContactAccess;
import vn.commops.crisis.feedback.ContactService.AccessView;
import vn.commops.crisis.feedback.Feedback;
import vn.commops.crisis.feedback.FeedbackContact;
import vn.commops.crisis.privacy.PrivacyViews.HeldContact;
import vn.commops.crisis.privacy.PrivacyViews.SubjectAccessExport;

/** What the service holds about one person, for their subject access request; each contact exported is audited. */
@ApplicationScoped
public class SubjectAccessExports {

    private final Caller caller;
    private final PrivacyConfig config;
    private final ContactErasures erasures;
    private final SubjectAccessSearch<FeedbackContact> search;

    SubjectAccessExports(Caller caller, PrivacyConfig config, ContactErasures erasures, FeedbackContactStore store) {
        this.caller = caller;
        this.config = config;
        this.erasures = erasures;
        this.search = new SubjectAccessSearch<>(store);
    }

    @Transactional
    public SubjectAccessExport export(String written) {
        String identifier = ContactIdentifiers.required(written);
        OffsetDateTime now = OffsetDateTime.now();
        List<HeldContact> held = search.export(identifier, caller.name(), now).stream().map(this::held).toList();
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
