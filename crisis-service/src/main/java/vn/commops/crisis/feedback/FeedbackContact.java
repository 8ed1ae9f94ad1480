package vn.commops.crisis.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.commops.common.privacy.LawfulBasis;

/** Personal data: never in a list, an event or a log line. */
@Entity
@Table(name = "feedback_contact")
public class FeedbackContact extends PanacheEntityBase {

    @Id
    public UUID feedbackId;

    /** What the person left; once erased, a tombstone saying when and by which erasure. */
    @Column(nullable = false)
    public String contact;

    /** The phone numbers and e-mail addresses in the contact, in one spelling (ContactIdentifiers). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] identifiers;

    @Enumerated(EnumType.STRING)
    public LawfulBasis lawfulBasis;

    public String consentTextVersion;

    public OffsetDateTime consentGivenAt;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;

    public OffsetDateTime erasedAt;

    public UUID erasureId;

    public boolean isErased() {
        return erasedAt != null;
    }

    /** Replaces the personal data with a tombstone; the feedback it belongs to stays. */
    public void erase(String tombstone, OffsetDateTime at, UUID erasure) {
        contact = tombstone;
        identifiers = new String[0];
        erasedAt = at;
        erasureId = erasure;
    }

    @Override
    public String toString() {
        return "FeedbackContact[" + feedbackId + ", contact hidden]";
    }
}
