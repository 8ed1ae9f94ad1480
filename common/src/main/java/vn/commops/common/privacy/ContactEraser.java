package vn.commops.common.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.problem.ProblemException;

/**
 * Erases one person's contacts on their request, by identifier or by what the contact belongs to, records each
 * erasure with who and why but without the personal data it removed, and answers what was erased. Not a bean:
 * each service builds one over its {@link ContactStore} and its erasure entity, and calls it in its transactions.
 *
 * @param <C> the service's contact entity
 * @param <E> the service's erasure entity
 */
public final class ContactEraser<C, E extends ErasureRecord> {

    private static final Logger LOG = Logger.getLogger(ContactEraser.class);

    /** The erasure just recorded and the ids of what lost their contact (none when nothing was held). */
    public record Erased<E>(E erasure, List<UUID> contactIds) {
    }

    private final ContactStore<C> store;
    private final Class<E> erasureType;
    private final Supplier<E> newErasure;
    private final Optional<SubjectHash> subjectHash;

    public ContactEraser(ContactStore<C> store, Class<E> erasureType, Supplier<E> newErasure,
            PrivacySettings settings) {
        this.store = store;
        this.erasureType = erasureType;
        this.newErasure = newErasure;
        this.subjectHash = SubjectHash.withKey(settings.subjectKey());
        if (subjectHash.isEmpty()) {
            LOG.warn("commops.privacy.subject-key is not set: erasures are recorded without a subject hash, "
                    + "so a later request from the same person cannot be matched to them");
        }
    }

    /** Erases the contacts named by exactly one of {@code identifier} and {@code contactId}; call in a transaction. */
    public Erased<E> erase(String identifier, UUID contactId, String reason, String requestedBy) {
        boolean byIdentifier = identifier != null && !identifier.isBlank();
        if (byIdentifier == (contactId != null)) {
            throw ProblemException.badRequest("erasure-subject", "identifier",
                    "name either an identifier or a " + store.idField() + ", not both or neither");
        }
        OffsetDateTime now = OffsetDateTime.now();
        E erasure = newErasure.get();
        erasure.id = UUID.randomUUID();
        erasure.cause = ErasureCause.REQUEST;
        erasure.reason = reason.strip();
        erasure.requestedBy = requestedBy;
        erasure.erasedAt = now;
        List<C> contacts;
        if (byIdentifier) {
            String spelled = ContactIdentifiers.required(identifier);
            erasure.subjectHash = subjectHash.map(hash -> hash.of(spelled)).orElse(null);
            contacts = store.heldFor(spelled);
        } else {
            contacts = store.heldBy(contactId);
            erasure.contactId = contactId;
        }
        for (C contact : contacts) {
            store.erase(contact, erasure);
        }
        erasure.contactsErased = contacts.size();
        erasure.persist();
        // Who and how many, never whose.
        LOG.infof("Erasure %s by %s: %d %s(s) erased", erasure.id, requestedBy, contacts.size(), store.noun());
        return new Erased<>(erasure, contacts.stream().map(store::idOf).toList());
    }

    public <V> V get(UUID id, Function<E, V> view) {
        E erasure = entityManager().find(erasureType, id);
        if (erasure == null) {
            throw ProblemException.notFound("Erasure", id.toString());
        }
        return view.apply(erasure);
    }

    /** One page of erasures, of one cause or all, newest first. */
    public <V> PageOf<V> list(ErasureCause cause, PageRequest paging, Function<E, V> view) {
        String where = cause == null ? "" : " where cause = :cause";
        TypedQuery<E> page = entityManager().createQuery("from " + entity() + where + " order by erasedAt desc",
                erasureType);
        TypedQuery<Long> count = entityManager().createQuery("select count(*) from " + entity() + where, Long.class);
        if (cause != null) {
            page.setParameter("cause", cause);
            count.setParameter("cause", cause);
        }
        List<V> items = page.setFirstResult(paging.page * paging.size).setMaxResults(paging.size).getResultList()
                .stream().map(view).toList();
        return new PageOf<>(items, paging.page, paging.size, count.getSingleResult());
    }

    /** Earlier erasures for the same identifier (in its one spelling), oldest first; none when no key is set. */
    public <V> List<V> earlierFor(String identifier, Function<E, V> view) {
        return subjectHash.map(hash -> entityManager()
                .createQuery("from " + entity() + " where subjectHash = :hash order by erasedAt", erasureType)
                .setParameter("hash", hash.of(identifier)).getResultList().stream().map(view).toList())
                .orElse(List.of());
    }

    private String entity() {
        return entityManager().getMetamodel().entity(erasureType).getName();
    }

    private EntityManager entityManager() {
        return Panache.getEntityManager(erasureType);
    }
}
