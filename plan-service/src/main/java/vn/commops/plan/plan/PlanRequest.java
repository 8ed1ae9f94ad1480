package vn.commops.plan.plan;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanRequest", description = "A new plan, owned by an org unit for a period. Every plan but a MASTER "
        + "one derives from an approved plan of the type above (ANNUAL from MASTER, PERIODIC from ANNUAL, CAMPAIGN from "
        + "PERIODIC or ANNUAL); what it leaves out (objectives, indicatorCodes) it inherits from there.")
public record PlanRequest(
        // The example is the one plan that needs no parent: a request built from the examples alone is valid.
        @NotNull @Schema(examples = "MASTER") PlanType type,
        @NotBlank @Size(max = 300)
        @Schema(examples = "Đề án đổi mới toàn diện nội dung, hình thức và phương thức tuyên truyền chính sách BHXH")
        String title,
        @Size(max = 10_000)
        @Schema(examples = "Tăng thêm 5% số người tham gia BHXH tự nguyện so với năm 2023; 100% xã, phường tổ chức ít "
                + "nhất một hội nghị đối thoại")
        String objectives,
        @Size(max = 100)
        @Schema(description = "Indicator codes (indicator-service) the plan tracks; omit to track the parent's",
                examples = "[\"NEW_VOLUNTARY_SI_PARTICIPANTS\", \"NEW_HI_PARTICIPANTS\"]")
        List<@NotNull @Pattern(regexp = PlanRequest.INDICATOR_CODE, message = "upper-case letters, digits and '_'")
                String> indicatorCodes,
        @NotBlank @Schema(examples = "VN") String ownerUnitCode,
        @NotNull @Schema(examples = "2019-11-21") LocalDate periodStart,
        @NotNull @Schema(examples = "2030-12-31") LocalDate periodEnd,
        @Schema(description = "The approved higher plan this one derives from, of the type above; its period must "
                + "contain this one's. Required for every type but MASTER")
        UUID parentPlanId) {

    /** indicator-service's indicator codes. */
    public static final String INDICATOR_CODE = "[A-Z][A-Z0-9_]{1,63}";

    @AssertTrue(message = "must not be before periodStart")
    @Schema(hidden = true)
    public boolean isPeriodEnd() {
        return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
    }
}
