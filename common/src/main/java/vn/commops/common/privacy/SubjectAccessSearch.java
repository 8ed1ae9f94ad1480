package vn.commops.common.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Finds what a service holds about one person for their subject access request, and audits each contact as
 * exported before it is shown, so the person sees the export among the accesses they are sent.
 *
 * @param <C> the service's contact entity
 */
public final class SubjectAccessSearch<C> {

    private static final Logger LOG = Logger.getLogger(SubjectAccessSearch.class);

    private final ContactStore<C> store;

    public SubjectAccessSearch(ContactStore<C> store) {
        this.store = store;
    }

    /** The contacts naming the identifier (already in its one spelling), each audited; call in a transaction. */
    public List<C> export(String identifier, String by, OffsetDateTime now) {
        List<C> held = store.heldFor(identifier);
        for (C contact : held) {
            store.exported(contact, by, now);
        }
        LOG.infof("Subject access export by %s: %d %s(s)", by, held.size(), store.noun());
        return held;
    }
}
