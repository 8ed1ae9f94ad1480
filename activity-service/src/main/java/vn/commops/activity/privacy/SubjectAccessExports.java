package vn.commops.activity.privacy;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import vn.commops.activity.communicator.Communicator;
import vn.commops.activity.communicator.CommunicatorContact;
import vn.commops.activity.communicator.CommunicatorContactAccess;
import vn.commops.activity.communicator.CommunicatorViews.AccessView;
import vn.commops.activity.communicator.CommunicatorViews.ContactView;
import vn.commops.activity.communicator.ContactAction;
import vn.commops.activity.privacy.PrivacyViews.HeldContact;
import vn.commops.activity.privacy.PrivacyViews.SubjectAccessExport;
import vn.commops.common.security.Caller;

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
        for (CommunicatorContact contact : ContactErasures.heldFor(identifier)) {
            // The export is recorded first, so the person sees it among the accesses they are sent.
            CommunicatorContactAccess.record(contact.communicatorId, ContactAction.EXPORTED, caller.name(), now, null);
            held.add(held(contact));
        }
        LOG.infof("Subject access export by %s: %d communicator contact(s)", caller.name(), held.size());
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
