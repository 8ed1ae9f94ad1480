package vn.commops.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A plan's content as it stood after one change: revision 1 as created, one more per content change. */
@Entity
@Table(name = "plan_revision")
@IdClass(PlanRevision.Key.class)
public class PlanRevision extends PanacheEntityBase {

    @Id
    public UUID planId;

    @Id
    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanType type;

    @Column(nullable = false)
    public String title;

    public String objectives;

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

    @Column(nullable = false)
    public String changedBy;

    @Column(nullable = false)
    public OffsetDateTime changedAt;

    /** The composite key (plan, revision). */
    public static class Key implements Serializable {
        public UUID planId;
        public int revision;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.revision == revision && Objects.equals(key.planId, planId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, revision);
        }
    }

    static PlanRevision of(Plan plan, String changedBy) {
        PlanRevision revision = new PlanRevision();
        revision.planId = plan.id;
        revision.revision = plan.revision;
        revision.type = plan.type;
        revision.title = plan.title;
        revision.objectives = plan.objectives;
        revision.indicatorCodes = plan.indicatorCodes == null ? null : plan.indicatorCodes.clone();
        revision.ownerUnitCode = plan.ownerUnitCode;
        revision.periodStart = plan.periodStart;
        revision.periodEnd = plan.periodEnd;
        revision.parentPlanId = plan.parentPlanId;
        revision.changedBy = changedBy;
        revision.changedAt = plan.updatedAt;
        return revision;
    }
}
