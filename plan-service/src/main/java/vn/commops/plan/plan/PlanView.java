package vn.commops.plan.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan")
public record PlanView(
        UUID id,
        PlanType type,
        String title,
        String objectives,
        String ownerUnitCode,
        LocalDate periodStart,
        LocalDate periodEnd,
        UUID parentPlanId,
        PlanStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Changes on every update; sent back as the ETag") int version) {

    static PlanView of(Plan plan) {
        return new PlanView(plan.id, plan.type, plan.title, plan.objectives, plan.ownerUnitCode, plan.periodStart,
                plan.periodEnd, plan.parentPlanId, plan.status, plan.createdAt, plan.updatedAt, plan.version);
    }
}
