package vn.commops.activity.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import vn.commops.activity.communicator.Communicator;
import vn.commops.activity.communicator.CommunicatorContact;
import vn.commops.activity.communicator.CommunicatorContactAccess;
import vn.commops.activity.communicator.ContactAction;
import vn.commops.common.privacy.ContactStore;
import vn.commops.common.privacy.ErasureRecord;
import vn.commops.common.problem.ProblemException;

/** Communicators' contacts for the personal-data mechanism: erasing one removes its phone and e-mail. */
@ApplicationScoped
class CommunicatorContactStore implements ContactStore<CommunicatorContact> {

    private final PrivacyConfig config;

    CommunicatorContactStore(PrivacyConfig config) {
        this.config = config;
    }

    @Override
    public String noun() {
        return "communicator contact";
    }

    @Override
    public String idField() {
        return "communicatorId";
    }

    @Override
    public Period retention() {
        return config.communicatorContactRetention();
    }

    @Override
    public UUID idOf(CommunicatorContact contact) {
        return contact.communicatorId;
    }

    @Override
    public List<CommunicatorContact> heldFor(String identifier) {
        return ContactStore.heldIn("communicator_contact", CommunicatorContact.class, identifier);
    }

    @Override
    public List<CommunicatorContact> heldBy(UUID communicatorId) {
        if (Communicator.findById(communicatorId) == null) {
            throw ProblemException.invalidField("unknown-communicator", "communicatorId",
                    "no communicator '" + communicatorId + "'");
        }
        return CommunicatorContact.<CommunicatorContact>findByIdOptional(communicatorId)
                .filter(c -> !c.isErased()).stream().toList();
    }

    @Override
    public void erase(CommunicatorContact contact, ErasureRecord erasure) {
        contact.erase(erasure.erasedAt, erasure.id);
        CommunicatorContactAccess.record(contact.communicatorId, ContactAction.ERASED, erasure.requestedBy,
                erasure.erasedAt, erasure.id);
    }

    @Override
    public void exported(CommunicatorContact contact, String by, OffsetDateTime at) {
        CommunicatorContactAccess.record(contact.communicatorId, ContactAction.EXPORTED, by, at, null);
    }

    @Override
    public int anonymiseExpired(OffsetDateTime cutoff, int batch, ErasureRecord pass) {
        return ((Number) Panache.getEntityManager().createNativeQuery("""
                with expired as (
                    select communicator_id from communicator_contact
                     where erased_at is null and recorded_at < :cutoff
                     order by recorded_at limit :batch for update skip locked),
                erased as (
                    update communicator_contact c set phone = null, email = null, identifiers = '{}',
                           erased_at = :now, erasure_id = :erasure
                      from expired e where c.communicator_id = e.communicator_id returning c.communicator_id),
                audited as (
                    insert into communicator_contact_access (communicator_id, accessed_by, accessed_at, action,
                                                             erasure_id)
                    select communicator_id, :actor, :now, 'ANONYMISED', :erasure from erased returning 1)
                select count(*) from audited""")
                .setParameter("cutoff", cutoff).setParameter("batch", batch).setParameter("now", pass.erasedAt)
                .setParameter("erasure", pass.id).setParameter("actor", pass.requestedBy)
                .getSingleResult()).intValue();
    }
}
