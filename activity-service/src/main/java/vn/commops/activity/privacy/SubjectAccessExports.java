package vn.commops.activity.privacy;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import vn.commops.activity.communicator.Communicator;
import vn.commops.activity.communicator.CommunicatorContact;
import vn.commops.activity.communicator.CommunicatorContactAccess;
import vn.commops.activity.communicator.CommunicatorViews.AccessView;
import vn.commops.activity.communicator.CommunicatorViews.ContactView;
import vn.commops.activity.privacy.PrivacyViews.HeldContact;
import vn.commops.activity.privacy.PrivacyViews.SubjectAccessExport;
import vn.commops.common.privacy.ContactIdentifiers;
import vn.commops.common.privacy.SubjectAccessSearch;
import vn.commops.common.security.Caller;

/** What the service holds about one person, for their subject access request; each contact exported is audited. */
@ApplicationScoped
public class SubjectAccessExports {

    private final Caller caller;
    private final PrivacyConfig config;
    private final ContactErasures erasures;
    private final SubjectAccessSearch<CommunicatorContact> search;

    SubjectAccessExports(Caller caller, PrivacyConfig config, ContactErasures erasures,
            CommunicatorContactStore store) {
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

    private HeldContact held(CommunicatorContact contact) {
        Communicator communicator = Communicator.findById(contact.communicatorId);
        List<AccessView> accesses = CommunicatorContactAccess.<CommunicatorContactAccess>list("communicatorId",
                Sort.ascending("accessedAt").and("id"), contact.communicatorId).stream().map(AccessView::of).toList();
        return new HeldContact(communicator.id, communicator.fullName, communicator.kind, communicator.orgUnitCode,
                communicator.role, ContactView.of(contact),
                contact.recordedAt.plus(config.communicatorContactRetention()), accesses);
    }
}
