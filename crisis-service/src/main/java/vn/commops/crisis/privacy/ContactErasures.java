package vn.commops.crisis.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.event.EventPublisher;
import vn.commops.common.privacy.ContactEraser;
import vn.commops.common.privacy.ErasureCause;
import vn.commops.common.security.Caller;
import vn.commops.crisis.feedback.FeedbackContact;
import vn.commops.crisis.feedback.FeedbackEvents;
import vn.commops.crisis.privacy.PrivacyViews.ErasureRequest;
import vn.commops.crisis.privacy.PrivacyViews.ErasureView;

/**
 * Erases feedback senders' contacts on a person's request, by identifier or by item. The feedback stays; the
 * contact becomes a tombstone, and each erasure is recorded and audited per contact without keeping the personal
 * data it removed.
 */
@ApplicationScoped
public class ContactErasures {

    /** Published when contacts were erased on a request, so systems holding copies erase theirs. */
    public static final String ERASED = "feedback-contact.erased";

    /** Which feedback items lost their contact: ids, the cause and who asked; never whose, nor the reason's text. */
    public record ContactsErased(UUID erasureId, ErasureCause cause, List<UUID> feedbackIds, int contactsErased,
            String requestedBy, OffsetDateTime erasedAt) {
    }

    private final Caller caller;
    private final EventPublisher events;
    private final ContactEraser<FeedbackContact, ContactErasure> eraser;

    ContactErasures(Caller caller, EventPublisher events, PrivacyConfig config, FeedbackContactStore store) {
        this.caller = caller;
        this.events = events;
        this.eraser = new ContactEraser<>(store, ContactErasure.class, ContactErasure::new, config);
    }

    @Transactional
    public ErasureView erase(ErasureRequest request) {
        var erased = eraser.erase(request.identifier(), request.feedbackId(), request.reason(), caller.name());
        ContactErasure erasure = erased.erasure();
        List<UUID> feedbackIds = erased.contactIds();
        if (!feedbackIds.isEmpty()) {
            events.publish(FeedbackEvents.TOPIC, ERASED, erasure.id.toString(), new ContactsErased(erasure.id,
                    erasure.cause, feedbackIds, feedbackIds.size(), erasure.requestedBy, erasure.erasedAt));
        }
        return ErasureView.of(erasure, feedbackIds);
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
