package vn.commops.activity.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.commops.activity.breakdown.Breakdowns;

/**
 * Something that happened in the field: a conference held, a banner hung, a livestream run. The row
 * is the current revision; superseded ones are kept in {@code activity_revision}. Bulk ingestion
 * writes these rows with plain JDBC ({@code bulk.ActivityRows}), so every column here has its twin there
 * (ActivityColumnsTest holds the two, and the table, to each other).
 */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String orgUnitCode;

    /** A code of plan-service's form catalogue, replicated in package {@code form}. */
    @Column(nullable = false)
    public String form;

    @Column(nullable = false)
    public String title;

    public String place;
    public Double latitude;
    public Double longitude;

    @Column(nullable = false)
    public OffsetDateTime startedAt;

    public OffsetDateTime endedAt;

    public UUID campaignId;

    public UUID assignmentId;

    public Integer attendance;
    public Long reach;
    public Long plays;
    public Long interactions;
    public Integer quantity;

    public String quantityUnit;

    public Integer durationMinutes;

    public String link;

    public Integer newSocialInsurance;

    public Integer newHealthInsurance;

    public Integer appInstalls;

    public Integer nonCashConversions;

    public Integer booksAndCardsDonated;

    public Long costVnd;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<UUID> communicatorIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Evidence> evidence;

    /** Who was reached, split by sex, age band and target group (V18); null when not split. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Breakdowns breakdowns;

    @Column(updatable = false)
    public String partnerId;

    @Column(updatable = false)
    public String reporter;

    /** Who recorded it (the token's name); four-eyes verification refuses them as its decider. */
    @Column(updatable = false)
    public String reportedBy;

    /**
     * Recorded by staff of the activity's own unit for that unit (their grants name the unit itself), not
     * by a partner or a unit above: then only a manager of a unit above may decide its verification.
     */
    @Column(updatable = false)
    public boolean ownUnitReport;

    @Column(updatable = false)
    public String externalId;

    @Column(updatable = false)
    public UUID clientId;

    public String contentHash;

    @Column(updatable = false)
    public String idempotencyKey;

    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerificationStatus verificationStatus;

    public boolean withdrawn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Change lastChange;

    public String changeReason;

    public String changedBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    @Column(nullable = false)
    public long changeSeq;

    /** The transaction that wrote the current revision: the database stamps it (V10). */
    @Column(insertable = false, updatable = false)
    public long writeXid;

    @Version
    public int version;

    /** What made the current revision. */
    @Schema(name = "ActivityChangeKind")
    public enum Change {
        RECORDED, CORRECTED, VERIFIED, WITHDRAWN
    }
}
