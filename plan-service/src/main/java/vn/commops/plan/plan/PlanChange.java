package vn.commops.plan.plan;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Content changes of a plan: all of it in draft or returned; once approved or active, only its wording
 * (title, objectives) and the indicators it tracks. The owner unit changes only by a transfer.
 */
public final class PlanChange {

    private PlanChange() {
    }

    @Schema(name = "PlanUpdate", description = "The plan's whole content (PUT); objectives or indicatorCodes left "
            + "null are inherited from the parent plan")
    public record Replace(
            @NotNull @Schema(examples = "MASTER") PlanType type,
            @NotBlank @Size(max = 300) @Schema(examples = "Tháng vận động triển khai BHXH toàn dân 2024") String title,
            @Size(max = 10_000)
            @Schema(examples = "Tăng thêm 5% số người tham gia BHXH tự nguyện so với năm 2023; 100% xã, phường tổ chức "
                    + "ít nhất một hội nghị đối thoại")
            String objectives,
            @Size(max = 100)
            @Schema(examples = "[\"NEW_VOLUNTARY_SI_PARTICIPANTS\", \"NEW_HI_PARTICIPANTS\"]")
            List<@NotNull @Pattern(regexp = PlanRequest.INDICATOR_CODE, message = "upper-case letters, digits and '_'")
                    String> indicatorCodes,
            @NotNull @Schema(examples = "2024-05-01") LocalDate periodStart,
            @NotNull @Schema(examples = "2024-05-31") LocalDate periodEnd,
            UUID parentPlanId) {

        @AssertTrue(message = "must not be before periodStart")
        @Schema(hidden = true)
        public boolean isPeriodEnd() {
            return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
        }
    }

    @Schema(name = "PlanPatch", description = "The fields to change (PATCH); omitted fields keep their value")
    public record Patch(
            PlanType type,
            @Size(min = 1, max = 300) @Schema(examples = "Tháng vận động triển khai BHXH toàn dân 2024") String title,
            @Size(max = 10_000)
            @Schema(examples = "Tăng thêm 5% số người tham gia BHXH tự nguyện so với năm 2023; 100% xã, phường tổ chức "
                    + "ít nhất một hội nghị đối thoại")
            String objectives,
            @Size(max = 100)
            @Schema(description = "The plan's own indicator list (replacing the inherited one)",
                    examples = "[\"NEW_VOLUNTARY_SI_PARTICIPANTS\", \"NEW_HI_PARTICIPANTS\"]")
            List<@NotNull @Pattern(regexp = PlanRequest.INDICATOR_CODE, message = "upper-case letters, digits and '_'")
                    String> indicatorCodes,
            LocalDate periodStart,
            LocalDate periodEnd,
            UUID parentPlanId) {

        Replace over(Plan plan) {
            return new Replace(type == null ? plan.type : type, title == null ? plan.title : title,
                    objectives == null ? plan.objectives : objectives,
                    indicatorCodes == null ? plan.ownIndicators() : indicatorCodes,
                    periodStart == null ? plan.periodStart : periodStart, periodEnd == null ? plan.periodEnd : periodEnd,
                    parentPlanId == null ? plan.parentPlanId : parentPlanId);
        }
    }

    @Schema(name = "PlanTransitionRequest", description = "A move in the plan's workflow")
    public record Transition(
            @NotNull @Schema(description = "SUBMIT, APPROVE, RETURN (reason required), ACTIVATE or CLOSE",
                    examples = "APPROVE") PlanAction action,
            @Size(max = 2000) @Schema(examples = "Bổ sung chỉ tiêu phát triển người tham gia BHXH tự nguyện")
            String reason) {
    }

    @Schema(name = "PlanTransition", description = "One recorded move of the workflow")
    public record TransitionView(PlanAction action, PlanStatus fromStatus, PlanStatus toStatus,
            @Schema(examples = "national-admin") String actor,
            @Schema(examples = "Bổ sung chỉ tiêu phát triển người tham gia BHXH tự nguyện") String reason,
            OffsetDateTime at) {

        static TransitionView of(PlanTransition transition) {
            return new TransitionView(transition.action, transition.fromStatus, transition.toStatus, transition.actor,
                    transition.reason, transition.at);
        }
    }

    @Schema(name = "PlanRevision", description = "The plan's content as one change left it")
    public record RevisionView(@Schema(examples = "2") int revision, PlanType type,
            @Schema(examples = "Tháng vận động triển khai BHXH toàn dân 2024") String title,
            @Schema(examples = "Tăng thêm 5% số người tham gia BHXH tự nguyện so với năm 2023; 100% xã, phường tổ chức "
                    + "ít nhất một hội nghị đối thoại")
            String objectives,
            @Schema(description = "The plan's own indicator list; null when it tracked its parent's",
                    examples = "[\"NEW_VOLUNTARY_SI_PARTICIPANTS\"]")
            List<String> indicatorCodes,
            @Schema(examples = "VN") String ownerUnitCode,
            LocalDate periodStart, LocalDate periodEnd, UUID parentPlanId,
            @Schema(examples = "national-admin") String changedBy,
            OffsetDateTime changedAt) {

        static RevisionView of(PlanRevision revision) {
            return new RevisionView(revision.revision, revision.type, revision.title, revision.objectives,
                    revision.indicatorCodes == null ? null : List.of(revision.indicatorCodes), revision.ownerUnitCode,
                    revision.periodStart, revision.periodEnd, revision.parentPlanId,
                    revision.changedBy, revision.changedAt);
        }
    }
}
