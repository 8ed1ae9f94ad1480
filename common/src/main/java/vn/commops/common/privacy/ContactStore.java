package vn.commops.common.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;

/**
 * One service's contacts, as the personal-data mechanism ({@link ContactEraser}, {@link RetentionPass},
 * {@link SubjectAccessSearch}) needs them: the service knows its tables and what erasing a contact leaves
 * behind, the mechanism knows the rules. Every contact it changes, it also audits.
 *
 * @param <C> the service's contact entity
 */
public interface ContactStore<C> {

    /** What the contacts are called in log lines, e.g. "communicator contact". */
    String noun();

    /** The request field that names a contact by what it belongs to, e.g. "communicatorId". */
    String idField();

    /** How long a contact is kept after it was taken. */
    Period retention();

    /** The id of what the contact belongs to. */
    UUID idOf(C contact);

    /** The contacts still held that name the identifier (in its one spelling), locked for the caller's transaction. */
    List<C> heldFor(String identifier);

    /** The contact of one record if still held; a 422 naming {@link #idField()} when there is no such record. */
    List<C> heldBy(UUID id);

    /** Removes the contact's personal data on a request and audits it as erased by that erasure. */
    void erase(C contact, ErasureRecord erasure);

    /** Audits that the contact was exported to the person it names. */
    void exported(C contact, String by, OffsetDateTime at);

    /**
     * Anonymises up to {@code batch} contacts taken before {@code cutoff} and audits each, all as done by
     * {@code pass} (its id, {@code requestedBy} and {@code erasedAt}); returns how many. Instances running it at
     * once take different contacts (skip locked).
     */
    int anonymiseExpired(OffsetDateTime cutoff, int batch, ErasureRecord pass);

    /**
     * The contacts of {@code table} still held that name the identifier, oldest first, locked for the caller's
     * transaction: {@link #heldFor} for a table with the usual {@code identifiers}, {@code erased_at} and
     * {@code recorded_at} columns.
     */
    @SuppressWarnings("unchecked")
    static <C> List<C> heldIn(String table, Class<C> contactType, String identifier) {
        return Panache.getEntityManager(contactType).createNativeQuery("select * from " + table
                        + " where identifiers @> array[cast(:identifier as text)] and erased_at is null "
                        + "order by recorded_at for update", contactType)
                .setParameter("identifier", identifier).getResultList();
    }
}
