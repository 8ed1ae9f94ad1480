package vn.commops.plan.clone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.problem.ProblemException;
import vn.commops.plan.assignment.AssignmentService;
import vn.commops.plan.campaign.CampaignService;
import vn.commops.plan.plan.Plan;
import vn.commops.plan.plan.PlanService;
import vn.commops.plan.plan.PlanView;

/**
 * Next year's action month starts as a copy of this year's: the plan, its campaigns and its
 * assignments (with their cascade), every date moved by the same shift, in one transaction.
 */
@ApplicationScoped
public class PlanCloner {

    private final PlanService plans;
    private final CampaignService campaigns;
    private final AssignmentService assignments;

    PlanCloner(PlanService plans, CampaignService campaigns, AssignmentService assignments) {
        this.plans = plans;
        this.campaigns = campaigns;
        this.assignments = assignments;
    }

    @Schema(name = "PlanCloneRequest", description = "Where the copy goes: periodStart, or shiftDays (one of them)")
    public record Request(
            @Schema(description = "First day of the copy's period", examples = "2025-05-01") LocalDate periodStart,
            @Schema(description = "Days every date moves by", examples = "365") Long shiftDays,
            @Size(max = 300) @Schema(examples = "Tháng vận động triển khai BHXH toàn dân 2025") String title,
            @Schema(description = "The approved plan the copy derives from; else the original's parent if it still "
                    + "contains the new period") UUID parentPlanId) {
    }

    @Schema(name = "PlanCloneResult")
    public record Result(PlanView plan, @Schema(examples = "2") int campaigns,
            @Schema(examples = "14") int assignments) {
    }

    @Transactional
    public Result cloneOf(UUID sourceId, Request request) {
        Plan source = Plan.<Plan>findByIdOptional(sourceId)
                .orElseThrow(() -> ProblemException.notFound("Plan", sourceId.toString()));
        if ((request.periodStart() == null) == (request.shiftDays() == null)) {
            throw ProblemException.badRequest("clone-shift-required", "periodStart", "give periodStart or shiftDays");
        }
        long shift = request.shiftDays() != null ? request.shiftDays()
                : ChronoUnit.DAYS.between(source.periodStart, request.periodStart());
        Plan copy = plans.copy(sourceId, shift, request.title(), request.parentPlanId());
        Map<UUID, UUID> campaignCopies = campaigns.copyAll(sourceId, copy, shift);
        int assignmentCopies = assignments.copyAll(sourceId, copy.id, shift, campaignCopies);
        return new Result(PlanService.view(copy), campaignCopies.size(), assignmentCopies);
    }
}
