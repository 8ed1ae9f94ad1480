package vn.commops.plan.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan")
public record PlanView(
        UUID id,
        PlanType type,
        @Schema(examples = "Tháng vận động triển khai BHXH toàn dân 2024") String title,
        @Schema(description = "The plan's own objectives; null when it inherits them (see effectiveObjectives)",
                examples = "Tăng thêm 5% số người tham gia BHXH tự nguyện so với năm 2023; 100% xã, phường tổ chức ít "
                        + "nhất một hội nghị đối thoại")
        String objectives,
        @Schema(description = "The indicator codes the plan itself lists; null when it tracks its parent's",
                examples = "[\"NEW_VOLUNTARY_SI_PARTICIPANTS\", \"NEW_HI_PARTICIPANTS\"]")
        List<String> indicatorCodes,
        @Schema(description = "The objectives in force: its own, else the nearest higher plan's; null when no plan "
                + "of the cascade states any")
        Sourced effectiveObjectives,
        @Schema(description = "The indicators the plan tracks: its own list, else the nearest higher plan's, each "
                + "with the plan it comes from")
        List<Indicator> indicators,
        @Schema(examples = "VN") String ownerUnitCode,
        @Schema(examples = "2024-05-01") LocalDate periodStart,
        @Schema(examples = "2024-05-31") LocalDate periodEnd,
        UUID parentPlanId,
        PlanStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Content revision: 1 as created, one more per content change", examples = "1")
        int revision,
        @Schema(description = "Changes on every update and transition; sent back as the ETag", examples = "2")
        int version) {

    @Schema(name = "PlanEffectiveObjectives", description = "Objectives in force and the plan that states them")
    public record Sourced(
            @Schema(examples = "Tăng thêm 5% số người tham gia BHXH tự nguyện so với năm 2023") String text,
            @Schema(description = "The plan that states them: this one, or the higher plan they are inherited from")
            UUID sourcePlanId,
            @Schema(examples = "Kế hoạch thông tin, truyền thông năm 2024") String sourcePlanTitle,
            @Schema(description = "True when set by a higher plan, false when set here", examples = "true")
            boolean inherited) {
    }

    @Schema(name = "PlanIndicator", description = "An indicator the plan tracks and the plan that lists it")
    public record Indicator(
            @Schema(description = "An indicator-service indicator code", examples = "NEW_VOLUNTARY_SI_PARTICIPANTS")
            String code,
            @Schema(description = "The plan that lists it: this one, or the higher plan it is inherited from")
            UUID sourcePlanId,
            @Schema(examples = "Kế hoạch thông tin, truyền thông năm 2024") String sourcePlanTitle,
            @Schema(description = "True when listed by a higher plan, false when listed here", examples = "false")
            boolean inherited) {
    }

    static PlanView of(Plan plan) {
        List<Plan> lineage = PlanLineage.of(plan);
        Plan objectivesFrom = PlanLineage.objectivesFrom(lineage);
        Plan indicatorsFrom = PlanLineage.indicatorsFrom(lineage);
        Sourced objectives = objectivesFrom == null ? null : new Sourced(objectivesFrom.objectives, objectivesFrom.id,
                objectivesFrom.title, objectivesFrom != plan);
        List<Indicator> indicators = indicatorsFrom == null ? List.of() : indicatorsFrom.ownIndicators().stream()
                .map(code -> new Indicator(code, indicatorsFrom.id, indicatorsFrom.title, indicatorsFrom != plan))
                .toList();
        return new PlanView(plan.id, plan.type, plan.title, plan.objectives, plan.ownIndicators(), objectives,
                indicators, plan.ownerUnitCode, plan.periodStart, plan.periodEnd, plan.parentPlanId, plan.status,
                plan.createdAt, plan.updatedAt, plan.revision, plan.version);
    }
}
