package vn.commops.activity.communicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read, export or erasure of a communicator's contact: the audit trail personal data asks for. */
@Entity
@Table(name = "communicator_contact_access")
public class CommunicatorContactAccess extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID communicatorId;

    @Column(nullable = false)
    public String accessedBy;

    @Column(nullable = false)
    public OffsetDateTime accessedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactAction action;

    /** The erasure that did it, for ERASED and ANONYMISED. */
    public UUID erasureId;

    public static CommunicatorContactAccess record(UUID communicatorId, ContactAction action, String by,
            OffsetDateTime at, UUID erasureId) {
        CommunicatorContactAccess access = new CommunicatorContactAccess();
        access.communicatorId = communicatorId;
        access.action = action;
        access.accessedBy = by;
        access.accessedAt = at;
        access.erasureId = erasureId;
        access.persist();
        return access;
    }
}
