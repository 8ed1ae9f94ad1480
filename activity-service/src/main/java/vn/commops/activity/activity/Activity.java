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

/**
 * Something that happened in the field: a conference held, a banner hung, a livestream run. The row
 * is the current revision; superseded ones are kept in {@code activity_revision}. Bulk ingestion
 * writes these rows with plain JDBC ({@code ActivityRows}), so every column here has its twin there.
 */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "org_unit_code", nullable = false)
    public String orgUnitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityForm form;

    @Column(nullable = false)
    public String title;

    public String place;
    public Double latitude;
    public Double longitude;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    public Integer attendance;
    public Long reach;
    public Long plays;
    public Long interactions;
    public Integer quantity;

    @Column(name = "quantity_unit")
    public String quantityUnit;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    public String link;

    @Column(name = "new_social_insurance")
    public Integer newSocialInsurance;

    @Column(name = "new_health_insurance")
    public Integer newHealthInsurance;

    @Column(name = "app_installs")
    public Integer appInstalls;

    @Column(name = "non_cash_conversions")
    public Integer nonCashConversions;

    @Column(name = "books_and_cards_donated")
    public Integer booksAndCardsDonated;

    @Column(name = "cost_vnd")
    public Long costVnd;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "communicator_ids", columnDefinition = "jsonb")
    public List<UUID> communicatorIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Evidence> evidence;

    @Column(name = "partner_id", updatable = false)
    public String partnerId;

    @Column(updatable = false)
    public String reporter;

    @Column(name = "external_id", updatable = false)
    public String externalId;

    @Column(name = "client_id", updatable = false)
    public UUID clientId;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_status", nullable = false)
    public VerificationStatus verificationStatus;

    public boolean withdrawn;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_change", nullable = false)
    public Change lastChange;

    @Column(name = "change_reason")
    public String changeReason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "change_seq", nullable = false)
    public long changeSeq;

    /** The transaction that wrote the current revision: the database stamps it (V10). */
    @Column(name = "write_xid", insertable = false, updatable = false)
    public long writeXid;

    @Version
    public int version;

    /** What made the current revision. */
    @Schema(name = "ActivityChangeKind")
    public enum Change {
        RECORDED, CORRECTED, VERIFIED, WITHDRAWN
    }
}
