package vn.commops.activity.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.commops.activity.communicator.Communicator;
import vn.commops.activity.communicator.CommunicatorContact;
import vn.commops.activity.communicator.CommunicatorContactAccess;
import vn.commops.activity.communicator.CommunicatorEvents;
import vn.commops.activity.communicator.ContactAction;
import vn.commops.activity.privacy.PrivacyViews.ErasureRequest;
import vn.commops.activity.privacy.PrivacyViews.ErasureView;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.event.EventPublisher;
import vn.commops.common.privacy.ContactIdentifiers;
import vn.commops.common.privacy.SubjectHash;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/**
 * Erases communicators' contacts on a person's request, by identifier or by communicator. The communicator and
 * the activities naming them stay; the phone and e-mail go, and each erasure is recorded and audited per contact
 * without keeping the personal data it removed.
 */
@ApplicationScoped
public class ContactErasures {

    private static final Logger LOG = Logger.getLogger(ContactErasures.class);

    /** Published when contacts were erased on a request, so systems holding copies erase theirs. */
    public static final String ERASED = "communicator-contact.erased";

    /** Which communicators lost their contact: ids, the cause and who asked; never whose, nor the reason's text. */
    public record ContactsErased(UUID erasureId, ErasureCause cause, List<UUID> communicatorIds, int contactsErased,
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
        if (byIdentifier == (request.communicatorId() != null)) {
            throw ProblemException.badRequest("erasure-subject", "identifier",
                    "name either an identifier or a communicatorId, not both or neither");
        }
        OffsetDateTime now = OffsetDateTime.now();
        ContactErasure erasure = new ContactErasure();
        erasure.id = UUID.randomUUID();
        erasure.cause = ErasureCause.REQUEST;
        erasure.reason = request.reason().strip();
        erasure.requestedBy = caller.name();
        erasure.erasedAt = now;
        List<CommunicatorContact> contacts;
        if (byIdentifier) {
            String identifier = identifier(request.identifier());
            erasure.subjectHash = subjectHash.map(hash -> hash.of(identifier)).orElse(null);
            contacts = heldFor(identifier);
        } else {
            if (Communicator.findById(request.communicatorId()) == null) {
                throw ProblemException.invalidField("unknown-communicator", "communicatorId",
                        "no communicator '" + request.communicatorId() + "'");
            }
            erasure.communicatorId = request.communicatorId();
            contacts = CommunicatorContact.<CommunicatorContact>findByIdOptional(request.communicatorId())
                    .filter(c -> !c.isErased()).stream().toList();
        }
        for (CommunicatorContact contact : contacts) {
            contact.erase(now, erasure.id);
            CommunicatorContactAccess.record(contact.communicatorId, ContactAction.ERASED, erasure.requestedBy, now,
                    erasure.id);
        }
        erasure.contactsErased = contacts.size();
        erasure.persist();
        List<UUID> erased = contacts.stream().map(c -> c.communicatorId).toList();
        if (!erased.isEmpty()) {
            events.publish(CommunicatorEvents.TOPIC, ERASED, erasure.id.toString(), new ContactsErased(erasure.id,
                    erasure.cause, erased, erased.size(), erasure.requestedBy, erasure.erasedAt));
        }
        // Who and how many, never whose.
        LOG.infof("Erasure %s by %s: %d communicator contact(s) erased", erasure.id, erasure.requestedBy,
                contacts.size());
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
    static List<CommunicatorContact> heldFor(String identifier) {
        return Panache.getEntityManager().createNativeQuery("select * from communicator_contact "
                        + "where identifiers @> array[cast(:identifier as text)] and erased_at is null "
                        + "order by recorded_at for update", CommunicatorContact.class)
                .setParameter("identifier", identifier).getResultList();
    }
}
