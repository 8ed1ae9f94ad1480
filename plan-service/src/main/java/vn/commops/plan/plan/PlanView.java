package vn.commops.plan.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan")
public record PlanView(
        UUID id,
        PlanType type,
        @Schema(examples = "Tháng vận động triển khai BHXH toàn dân 2024") String title,
        @Schema(examples = "Tăng thêm 5% số người tham gia BHXH tự nguyện so với năm 2023; 100% xã, phường tổ chức ít "
                + "nhất một hội nghị đối thoại")
        String objectives,
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

    static PlanView of(Plan plan) {
        return new PlanView(plan.id, plan.type, plan.title, plan.objectives, plan.ownerUnitCode, plan.periodStart,
                plan.periodEnd, plan.parentPlanId, plan.status, plan.createdAt, plan.updatedAt, plan.revision,
                plan.version);
    }
}
