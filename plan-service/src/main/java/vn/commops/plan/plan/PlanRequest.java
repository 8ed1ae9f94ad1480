package vn.commops.plan.plan;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanRequest", description = "A new plan, owned by an org unit for a period")
public record PlanRequest(
        @NotNull @Schema(examples = "CAMPAIGN") PlanType type,
        @NotBlank @Size(max = 300)
        @Schema(examples = "Tháng vận động triển khai BHXH toàn dân 2024") String title,
        @Size(max = 10_000)
        @Schema(examples = "Tăng thêm 5% số người tham gia BHXH tự nguyện so với năm 2023; 100% xã, phường tổ chức ít "
                + "nhất một hội nghị đối thoại")
        String objectives,
        @NotBlank @Schema(examples = "VN") String ownerUnitCode,
        @NotNull @Schema(examples = "2024-05-01") LocalDate periodStart,
        @NotNull @Schema(examples = "2024-05-31") LocalDate periodEnd,
        @Schema(description = "The higher plan this one is derived from; its period must contain this one's")
        UUID parentPlanId) {

    @AssertTrue(message = "must not be before periodStart")
    @Schema(hidden = true)
    public boolean isPeriodEnd() {
        return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
    }
}
