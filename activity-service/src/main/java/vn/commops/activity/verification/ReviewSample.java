package vn.commops.activity.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A sampled review of a partner's batch: the partner's activities recorded in a window under an org
 * unit, of which {@code percent} were drawn reproducibly from {@code seed}. Its members live in
 * {@code review_sample_member}.
 */
@Entity
@Table(name = "review_sample")
public class ReviewSample extends PanacheEntityBase {

    @Schema(name = "ReviewSampleStatus", description = "OPEN until every member is decided; then ACCEPTED (the rest "
            + "of the batch verified) or REFUSED (the rest asked for information)")
    public enum Status {
        OPEN, ACCEPTED, REFUSED
    }

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String partnerId;

    @Column(nullable = false, updatable = false)
    public String orgUnitCode;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime recordedFrom;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime recordedTo;

    @Column(nullable = false, updatable = false)
    public BigDecimal percent;

    @Column(nullable = false, updatable = false)
    public long seed;

    @Column(nullable = false, updatable = false)
    public int batchSize;

    @Column(nullable = false, updatable = false)
    public int sampleSize;

    @Column(nullable = false, updatable = false)
    public BigDecimal maxRejectedPercent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false, updatable = false)
    public String drawnBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime drawnAt;

    public Integer rejected;

    /** Records of the rest of the batch the outcome gave a new revision. */
    public Integer extended;

    public String outcomeReason;

    public String decidedBy;

    public OffsetDateTime decidedAt;

    @Column(updatable = false)
    public String idempotencyKey;

    @Version
    public int version;
}
