package vn.commops.crisis.crisiscase;

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

@Entity
@Table(name = "crisis_case")
public class CrisisCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    public String owner;

    public String topicCode;

    @Column(nullable = false)
    public String orgUnitCode;

    @Column(nullable = false)
    public String orgUnitPath;

    @Column(updatable = false)
    public UUID signalId;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime detectedAt;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** When a person first took the case up: opened it as a crisis, or moved it on from watching. */
    public OffsetDateTime acknowledgedAt;

    /** When the first response action was done. */
    public OffsetDateTime firstResponseAt;

    public OffsetDateTime resolvedAt;

    public OffsetDateTime closedAt;

    @Column(nullable = false, updatable = false)
    public String createdBy;

    @Column(updatable = false)
    public String idempotencyKey;

    /** Stamped by the database on every write (V10): where the row stands in the change feed. */
    @Column(insertable = false, updatable = false)
    public long writeXid;

    @Column(insertable = false, updatable = false)
    public long changeSeq;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime changedAt;

    @Version
    public int version;
}
