package vn.commops.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PlanType type;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String searchTitle;

    /** Null: the nearest ancestor's objectives are this plan's (inherited). */
    public String objectives;

    /** The indicator codes this plan tracks; null: its parent's (inherited), an array (even empty): its own. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] indicatorCodes;

    @Column(nullable = false)
    public String ownerUnitCode;

    @Column(nullable = false)
    public LocalDate periodStart;

    @Column(nullable = false)
    public LocalDate periodEnd;

    public UUID parentPlanId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(updatable = false)
    public String idempotencyKey;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    /** Content revision: 1 as created, one more per content change (the workflow does not count). */
    @Column(nullable = false)
    public int revision;

    @Version
    public int version;

    public static Optional<Plan> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public boolean contains(LocalDate start, LocalDate end) {
        return !start.isBefore(periodStart) && !end.isAfter(periodEnd);
    }

    /** Approved or active: what it holds was decided, and changes to amounts go back to the decider. */
    public boolean isDecided() {
        return status == PlanStatus.APPROVED || status == PlanStatus.ACTIVE;
    }

    /** The plan's own indicator list, or null when it inherits its parent's. */
    public List<String> ownIndicators() {
        return indicatorCodes == null ? null : List.of(indicatorCodes);
    }
}
