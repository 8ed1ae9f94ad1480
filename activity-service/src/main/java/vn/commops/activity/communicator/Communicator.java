package vn.commops.activity.communicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An officer, collaborator, key lecturer or village head who carries the policy to people. */
@Entity
@Table(name = "communicator")
public class Communicator extends PanacheEntityBase {

    public enum Kind {
        OFFICER, COLLABORATOR, KEY_LECTURER, VILLAGE_HEAD
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String orgUnitCode;

    /** Their role in communication, in the unit's words ("báo cáo viên", "cộng tác viên thu"). */
    public String role;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Set while deactivated: kept for the activities that name them, named on no activity after this. */
    public OffsetDateTime deactivatedAt;

    @Enumerated(EnumType.STRING)
    public DeactivationReason deactivationReason;

    /** The manager's words on the deactivation; personal context, so never in events. */
    public String deactivationNote;

    /** Stamped by the database on every write (V12_1): where the row stands in the change feed. */
    @Column(insertable = false, updatable = false)
    public long writeXid;

    @Column(insertable = false, updatable = false)
    public long changeSeq;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime changedAt;

    @Version
    public int version;

    public boolean isActive() {
        return deactivatedAt == null;
    }
}
