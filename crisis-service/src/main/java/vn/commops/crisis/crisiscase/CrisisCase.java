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

    @Column(name = "topic_code")
    public String topicCode;

    @Column(name = "org_unit_code", nullable = false)
    public String orgUnitCode;

    @Column(name = "org_unit_path", nullable = false)
    public String orgUnitPath;

    @Column(name = "signal_id", updatable = false)
    public UUID signalId;

    @Column(name = "detected_at", nullable = false, updatable = false)
    public OffsetDateTime detectedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** When a person first took the case up: opened it as a crisis, or moved it on from watching. */
    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    /** When the first response action was done. */
    @Column(name = "first_response_at")
    public OffsetDateTime firstResponseAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Version
    public int version;
}
