package vn.commops.activity.communicator;

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

/**
 * Personal data, kept apart from the communicator so that lists, events and logs cannot pick it up:
 * it is read only for a manager asking for one communicator, and every read is audited. No toString on purpose.
 */
@Entity
@Table(name = "communicator_contact")
public class CommunicatorContact extends PanacheEntityBase {

    @Id
    public UUID communicatorId;

    public String phone;

    public String email;

    /** The phone number and e-mail address in one spelling (ContactIdentifiers), to find one person's contacts. */
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

    /** Removes the personal data; the communicator and the activities naming them stay. */
    public void erase(OffsetDateTime at, UUID erasure) {
        phone = null;
        email = null;
        identifiers = new String[0];
        erasedAt = at;
        erasureId = erasure;
    }
}
