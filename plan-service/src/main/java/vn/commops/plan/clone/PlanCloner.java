package vn.commops.plan.clone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.problem.ProblemException;
import vn.commops.plan.assignment.AssignmentCloning;
import vn.commops.plan.campaign.CampaignService;
import vn.commops.plan.plan.Plan;
import vn.commops.plan.plan.PlanService;
import vn.commops.plan.plan.PlanView;

/**
 * Next year's action month starts as a copy of this year's: the plan, its campaigns and its assignments
 * (with their cascade), and on request its child plans, every date moved along the calendar, in one
 * transaction. Assignments follow their units into the units that succeeded them.
 *
 * <p>Targets are indicator-service's: plan-service cannot read or write them. Rather than an event that
 * indicator-service would apply out of sight (where a copy refused by the parent-children rule or by the
 * setter's rights could only be dead-lettered), the answer names the indicator-service call that copies
 * the targets of the plan's period to the copy's, so the caller sees what was copied, mapped and refused.
 */
@ApplicationScoped
public class PlanCloner {

    static final String TARGET_COPY = "/api/v1/targets/copy";

    private final PlanService plans;
    private final CampaignService campaigns;
    private final AssignmentCloning assignments;

    PlanCloner(PlanService plans, CampaignService campaigns, AssignmentCloning assignments) {
        this.plans = plans;
        this.campaigns = campaigns;
        this.assignments = assignments;
    }

    @Schema(name = "PlanCloneRequest", description = "Where the copy goes: exactly one of periodStart, shiftMonths, "
            + "shiftYears or shiftDays")
    public record Request(
            @Schema(description = "First day of the copy's period; the shift is by months when it is the same day of "
                    + "the month as the original's start (or both are a month's last day), else by days",
                    examples = "2025-05-01") LocalDate periodStart,
            @Schema(description = "Months every date moves by; a month's last day stays a month's last day",
                    examples = "1") Long shiftMonths,
            @Schema(description = "Years every date moves by (twelve months each)", examples = "1") Long shiftYears,
            @Schema(description = "Days every date moves by", examples = "365") Long shiftDays,
            @Size(max = 300) @Schema(examples = "Tháng vận động triển khai BHXH toàn dân 2025") String title,
            @Schema(description = "The approved plan the copy derives from; else the original's parent if it still "
                    + "contains the new period") UUID parentPlanId,
            @Schema(description = "Also clone the plans derived from this one, and theirs, under the copy",
                    defaultValue = "false", examples = "true") Boolean includeChildPlans,
            @Schema(description = "Answer with the indicator-service call that copies the targets of each cloned "
                    + "plan's period to its copy's", defaultValue = "false", examples = "true") Boolean includeTargets) {
    }

    @Schema(name = "PlanCloneResult")
    public record Result(PlanView plan, @Schema(description = "The plan this is a copy of") UUID sourcePlanId,
            @Schema(examples = "2") int campaigns, @Schema(examples = "14") int assignments,
            @Schema(description = "Assignments whose unit had closed or merged, copied to its successor")
            List<AssignmentCloning.UnitMapped> mappedUnits,
            @Schema(description = "Assignments not copied, and why") List<AssignmentCloning.Dropped> droppedAssignments,
            @Schema(description = "The child plans cloned with it (includeChildPlans)") List<Result> childPlans,
            @Schema(description = "How to copy the targets (includeTargets)") TargetCopy targets) {
    }

    @Schema(name = "PlanCloneTargetCopy", description = "The indicator-service call that copies the targets of the "
            + "original's period, for the owner unit's subtree, to the copy's period; null fields and a note when the "
            + "period is not a whole month, quarter or year")
    public record TargetCopy(@Schema(examples = "POST") String method, @Schema(examples = TARGET_COPY) String href,
            @Schema(examples = "202405") String fromPeriod, @Schema(examples = "202406") String toPeriod,
            @Schema(examples = "LC") String orgUnitCode,
            @Schema(examples = "Call this to copy the targets") String note) {
    }

    @Transactional
    public Result cloneOf(UUID sourceId, Request request) {
        Plan source = Plan.<Plan>findByIdOptional(sourceId)
                .orElseThrow(() -> ProblemException.notFound("Plan", sourceId.toString()));
        CalendarShift shift = shift(source, request);
        return cloneTree(source, shift, request.title(), request.parentPlanId(), null,
                Boolean.TRUE.equals(request.includeChildPlans()), Boolean.TRUE.equals(request.includeTargets()));
    }

    private Result cloneTree(Plan source, CalendarShift shift, String title, UUID parentPlanId, Plan draftParent,
            boolean children, boolean targets) {
        Plan copy = plans.copy(source.id, shift, title, parentPlanId, draftParent);
        Map<UUID, UUID> campaignCopies = campaigns.copyAll(source.id, copy, shift);
        AssignmentCloning.CopyReport report = assignments.copyAll(source.id, copy.id, shift, campaignCopies);
        List<Result> childCopies = new ArrayList<>();
        if (children) {
            for (Plan child : Plan.<Plan>list("parentPlanId = ?1 order by periodStart, createdAt", source.id)) {
                childCopies.add(cloneTree(child, shift, null, null, copy, true, targets));
            }
        }
        return new Result(PlanService.view(copy), source.id, campaignCopies.size(), report.copied(), report.mapped(),
                report.dropped(), childCopies, targets ? targetCopy(source, copy) : null);
    }

    private static CalendarShift shift(Plan source, Request request) {
        long given = Stream.of(request.periodStart(), request.shiftMonths(), request.shiftYears(), request.shiftDays())
                .filter(java.util.Objects::nonNull).count();
        if (given != 1) {
            throw ProblemException.badRequest("clone-shift-required", "periodStart",
                    "give exactly one of periodStart, shiftMonths, shiftYears or shiftDays");
        }
        if (request.periodStart() != null) {
            return CalendarShift.between(source.periodStart, request.periodStart());
        }
        if (request.shiftMonths() != null) {
            return CalendarShift.ofMonths(request.shiftMonths());
        }
        if (request.shiftYears() != null) {
            return CalendarShift.ofMonths(Math.multiplyExact(request.shiftYears(), 12L));
        }
        return CalendarShift.ofDays(request.shiftDays());
    }

    private static TargetCopy targetCopy(Plan source, Plan copy) {
        String from = periodId(source.periodStart, source.periodEnd);
        String to = periodId(copy.periodStart, copy.periodEnd);
        if (from == null || to == null || from.length() != to.length()) {
            return new TargetCopy(null, null, null, null, source.ownerUnitCode, "the plan runs " + source.periodStart
                    + " to " + source.periodEnd + ", not a whole month, quarter or year: set the copy's targets with "
                    + "POST /api/v1/targets");
        }
        return new TargetCopy("POST", TARGET_COPY, from, to, source.ownerUnitCode, "copies the targets of "
                + source.ownerUnitCode + "'s subtree for " + from + " and its quarters and months to " + to);
    }

    /** The DHIS2 period id of a whole month (202405), quarter (2024Q2) or year (2024); null for other spans. */
    static String periodId(LocalDate start, LocalDate end) {
        if (start.getDayOfMonth() != 1 || end.getDayOfMonth() != end.lengthOfMonth()) {
            return null;
        }
        long months = ChronoUnit.MONTHS.between(start, end.plusDays(1));
        if (months == 1) {
            return String.format("%04d%02d", start.getYear(), start.getMonthValue());
        }
        if (months == 3 && (start.getMonthValue() - 1) % 3 == 0) {
            return start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1);
        }
        if (months == 12 && start.getMonthValue() == 1) {
            return String.valueOf(start.getYear());
        }
        return null;
    }
}
