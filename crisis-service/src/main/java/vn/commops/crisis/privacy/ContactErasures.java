package vn.commops.crisis.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.event.EventPublisher;
import vn.commops.common.privacy.ContactIdentifiers;
import vn.commops.common.privacy.SubjectHash;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.crisis.feedback.ContactAccess;
import vn.commops.crisis.feedback.ContactAction;
import vn.commops.crisis.feedback.Feedback;
import vn.commops.crisis.feedback.FeedbackContact;
import vn.commops.crisis.feedback.FeedbackEvents;
import vn.commops.crisis.privacy.PrivacyViews.ErasureRequest;
import vn.commops.crisis.privacy.PrivacyViews.ErasureView;

/**
 * Erases feedback senders' contacts on a person's request, by identifier or by item. The feedback stays; the contact becomes a tombstone, and each erasure is recorded and
 * audited per contact without keeping the personal data it removed.
 */
@ApplicationScoped
public class ContactErasures {

    private static final Logger LOG = Logger.getLogger(ContactErasures.class);

    /** Published when contacts were erased on a request, so systems holding copies erase theirs. */
    public static final String ERASED = "feedback-contact.erased";

    /** Which feedback items lost their contact: ids, the cause and who asked; never whose, nor the reason's text. */
    public record ContactsErased(UUID erasureId, ErasureCause cause, List<UUID> feedbackIds, int contactsErased,
            String requestedBy, OffsetDateTime erasedAt) {
    }

    private final Caller caller;
    private final EventPublisher events;
    private final Optional<SubjectHash> subjectHash;

    ContactErasures(Caller caller, EventPublisher events, PrivacyConfig config) {
        this.caller = caller;
        this.events = events;
        this.subjectHash = SubjectHash.withKey(config.subjectKey());
        if (subjectHash.isEmpty()) {
            LOG.warn("commops.privacy.subject-key is not set: erasures are recorded without a subject hash, "
                    + "so a later request from the same person cannot be matched to them");
        }
    }

    @Transactional
    public ErasureView erase(ErasureRequest request) {
        boolean byIdentifier = request.identifier() != null && !request.identifier().isBlank();
        if (byIdentifier == (request.feedbackId() != null)) {
            throw ProblemException.badRequest("erasure-subject", "identifier",
                    "name either an identifier or a feedbackId, not both or neither");
        }
        OffsetDateTime now = OffsetDateTime.now();
        ContactErasure erasure = new ContactErasure();
        erasure.id = UUID.randomUUID();
        erasure.cause = ErasureCause.REQUEST;
        erasure.reason = request.reason().strip();
        erasure.requestedBy = caller.name();
        erasure.erasedAt = now;
        List<FeedbackContact> contacts;
        if (byIdentifier) {
            String identifier = identifier(request.identifier());
            erasure.subjectHash = subjectHash.map(hash -> hash.of(identifier)).orElse(null);
            contacts = heldFor(identifier);
        } else {
            if (Feedback.findById(request.feedbackId()) == null) {
                throw ProblemException.invalidField("unknown-feedback", "feedbackId",
                        "no feedback '" + request.feedbackId() + "'");
            }
            erasure.feedbackId = request.feedbackId();
            contacts = FeedbackContact.<FeedbackContact>findByIdOptional(request.feedbackId())
                    .filter(c -> !c.isErased()).stream().toList();
        }
        String tombstone = "erased on " + LocalDate.now(ZoneOffset.UTC) + " by request " + erasure.id;
        for (FeedbackContact contact : contacts) {
            contact.erase(tombstone, now, erasure.id);
            ContactAccess.record(contact.feedbackId, ContactAction.ERASED, erasure.requestedBy, now, erasure.id);
        }
        erasure.contactsErased = contacts.size();
        erasure.persist();
        List<UUID> erased = contacts.stream().map(c -> c.feedbackId).toList();
        if (!erased.isEmpty()) {
            events.publish(FeedbackEvents.TOPIC, ERASED, erasure.id.toString(), new ContactsErased(erasure.id,
                    erasure.cause, erased, erased.size(), erasure.requestedBy, erasure.erasedAt));
        }
        // Who and how many, never whose.
        LOG.infof("Erasure %s by %s: %d contact(s) erased", erasure.id, erasure.requestedBy, contacts.size());
        return ErasureView.of(erasure, erased);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ErasureView get(UUID id) {
        ContactErasure erasure = ContactErasure.findById(id);
        if (erasure == null) {
            throw ProblemException.notFound("Erasure", id.toString());
        }
        return ErasureView.of(erasure, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<ErasureView> list(ErasureCause cause, PageRequest paging) {
        var query = cause == null
                ? ContactErasure.<ContactErasure>findAll(Sort.descending("erasedAt"))
                : ContactErasure.<ContactErasure>find("cause", Sort.descending("erasedAt"), cause);
        List<ErasureView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(e -> ErasureView.of(e, null)).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** Earlier erasures for the same identifier; none when no key is configured. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ErasureView> earlierFor(String identifier) {
        return subjectHash.map(hash -> ContactErasure.<ContactErasure>list("subjectHash", Sort.ascending("erasedAt"),
                hash.of(identifier)).stream().map(e -> ErasureView.of(e, null)).toList()).orElse(List.of());
    }

    /** The identifier in its one spelling, or a 422 naming the field. */
    static String identifier(String written) {
        return ContactIdentifiers.of(written).orElseThrow(() -> ProblemException.invalidField("not-an-identifier",
                "identifier", "must be a phone number or an e-mail address"));
    }

    /** The contacts still held that name the identifier, locked for the caller's transaction. */
    @SuppressWarnings("unchecked")
    static List<FeedbackContact> heldFor(String identifier) {
        return Panache.getEntityManager().createNativeQuery("select * from feedback_contact "
                        + "where identifiers @> array[cast(:identifier as text)] and erased_at is null "
                        + "order by recorded_at for update", FeedbackContact.class)
                .setParameter("identifier", identifier).getResultList();
    }
}
