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
import java.util.Optional;
import java.util.UUID;

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

    @Column(name = "search_title", nullable = false)
    public String searchTitle;

    public String objectives;

    @Column(name = "owner_unit_code", nullable = false)
    public String ownerUnitCode;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "parent_plan_id")
    public UUID parentPlanId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
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
}
