package vn.commops.activity.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.activity.communicator.CommunicatorContact;
import vn.commops.activity.communicator.CommunicatorEvents;
import vn.commops.activity.privacy.PrivacyViews.ErasureRequest;
import vn.commops.activity.privacy.PrivacyViews.ErasureView;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.event.EventPublisher;
import vn.commops.common.privacy.ContactEraser;
import vn.commops.common.privacy.ErasureCause;
import vn.commops.common.security.Caller;

/**
 * Erases communicators' contacts on a person's request, by identifier or by communicator. The communicator and
 * the activities naming them stay; the phone and e-mail go, and each erasure is recorded and audited per contact
 * without keeping the personal data it removed.
 */
@ApplicationScoped
public class ContactErasures {

    /** Published when contacts were erased on a request, so systems holding copies erase theirs. */
    public static final String ERASED = "communicator-contact.erased";

    /** Which communicators lost their contact: ids, the cause and who asked; never whose, nor the reason's text. */
    public record ContactsErased(UUID erasureId, ErasureCause cause, List<UUID> communicatorIds, int contactsErased,
            String requestedBy, OffsetDateTime erasedAt) {
    }

    private final Caller caller;
    private final EventPublisher events;
    private final ContactEraser<CommunicatorContact, ContactErasure> eraser;

    ContactErasures(Caller caller, EventPublisher events, PrivacyConfig config, CommunicatorContactStore store) {
        this.caller = caller;
        this.events = events;
        this.eraser = new ContactEraser<>(store, ContactErasure.class, ContactErasure::new, config);
    }

    @Transactional
    public ErasureView erase(ErasureRequest request) {
        var erased = eraser.erase(request.identifier(), request.communicatorId(), request.reason(), caller.name());
        ContactErasure erasure = erased.erasure();
        List<UUID> communicatorIds = erased.contactIds();
        if (!communicatorIds.isEmpty()) {
            events.publish(CommunicatorEvents.TOPIC, ERASED, erasure.id.toString(), new ContactsErased(erasure.id,
                    erasure.cause, communicatorIds, communicatorIds.size(), erasure.requestedBy, erasure.erasedAt));
        }
        return ErasureView.of(erasure, communicatorIds);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ErasureView get(UUID id) {
        return eraser.get(id, ErasureView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<ErasureView> list(ErasureCause cause, PageRequest paging) {
        return eraser.list(cause, paging, ErasureView::of);
    }

    /** Earlier erasures for the same identifier; none when no key is configured. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ErasureView> earlierFor(String identifier) {
        return eraser.earlierFor(identifier, ErasureView::of);
    }
}
