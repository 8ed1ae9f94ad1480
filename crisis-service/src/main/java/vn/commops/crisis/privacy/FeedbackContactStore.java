package vn.commops.crisis.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.commops.common.privacy.ContactStore;
import vn.commops.common.privacy.ErasureRecord;
import vn.commops.common.problem.ProblemException;
import vn.commops.crisis.feedback.ContactAccess;
import vn.commops.crisis.feedback.ContactAction;
import vn.commops.crisis.feedback.Feedback;
import vn.commops.crisis.feedback.FeedbackContact;

/**
 * Feedback senders' contacts for the personal-data mechanism: erasing one leaves a tombstone saying when and by
 * which erasure, so whoever reads the feedback sees why the contact is gone.
 */
@ApplicationScoped
class FeedbackContactStore implements ContactStore<FeedbackContact> {

    private final PrivacyConfig config;

    FeedbackContactStore(PrivacyConfig config) {
        this.config = config;
    }

    @Override
    public String noun() {
        return "feedback contact";
    }

    @Override
    public String idField() {
        return "feedbackId";
    }

    @Override
    public Period retention() {
        return config.feedbackContactRetention();
    }

    @Override
    public UUID idOf(FeedbackContact contact) {
        return contact.feedbackId;
    }

    @Override
    public List<FeedbackContact> heldFor(String identifier) {
        return ContactStore.heldIn("feedback_contact", FeedbackContact.class, identifier);
    }

    @Override
    public List<FeedbackContact> heldBy(UUID feedbackId) {
        if (Feedback.findById(feedbackId) == null) {
            throw ProblemException.invalidField("unknown-feedback", "feedbackId", "no feedback '" + feedbackId + "'");
        }
        return FeedbackContact.<FeedbackContact>findByIdOptional(feedbackId)
                .filter(c -> !c.isErased()).stream().toList();
    }

    @Override
    public void erase(FeedbackContact contact, ErasureRecord erasure) {
        contact.erase("erased on " + LocalDate.now(ZoneOffset.UTC) + " by request " + erasure.id, erasure.erasedAt,
                erasure.id);
        ContactAccess.record(contact.feedbackId, ContactAction.ERASED, erasure.requestedBy, erasure.erasedAt,
                erasure.id);
    }

    @Override
    public void exported(FeedbackContact contact, String by, OffsetDateTime at) {
        ContactAccess.record(contact.feedbackId, ContactAction.EXPORTED, by, at, null);
    }

    @Override
    public int anonymiseExpired(OffsetDateTime cutoff, int batch, ErasureRecord pass) {
        String tombstone = "anonymised on " + pass.erasedAt.toLocalDate() + " after its retention period ("
                + retention() + "), erasure " + pass.id;
        return ((Number) Panache.getEntityManager().createNativeQuery("""
                with expired as (
                    select feedback_id from feedback_contact
                     where erased_at is null and recorded_at < :cutoff
                     order by recorded_at limit :batch for update skip locked),
                erased as (
                    update feedback_contact c set contact = :tombstone, identifiers = '{}', erased_at = :now,
                           erasure_id = :erasure
                      from expired e where c.feedback_id = e.feedback_id returning c.feedback_id),
                audited as (
                    insert into feedback_contact_access (feedback_id, accessed_by, accessed_at, action, erasure_id)
                    select feedback_id, :actor, :now, 'ANONYMISED', :erasure from erased returning 1)
                select count(*) from audited""")
                .setParameter("cutoff", cutoff).setParameter("batch", batch).setParameter("tombstone", tombstone)
                .setParameter("now", pass.erasedAt).setParameter("erasure", pass.id)
                .setParameter("actor", pass.requestedBy).getSingleResult()).intValue();
    }
}
