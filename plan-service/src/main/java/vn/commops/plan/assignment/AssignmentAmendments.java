package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.plan.amendment.AmendableSubject;
import vn.commops.plan.amendment.Amendment;
import vn.commops.plan.amendment.PlanAudit;
import vn.commops.plan.amendment.Subject;
import vn.commops.plan.plan.Plan;

/**
 * A decided plan's assignments: their quantity, budget and targets are amounts the approval fixed, so a
 * change to them is held for the plan's decider; any other change (wording, responsible, due date,
 * closing) applies at once and is recorded in the plan's audit. Called from AssignmentService's paths.
 */
@ApplicationScoped
public class AssignmentAmendments implements AmendableSubject {

    private static final String QUANTITY = "quantity";
    private static final String BUDGET = "budgetVnd";
    private static final String TARGETS = "targets";

    private final PlanAudit audit;
    private final AssignmentEvents events;
    private final CascadeLimits limits;
    private final BudgetLimits budgets;

    AssignmentAmendments(PlanAudit audit, AssignmentEvents events, CascadeLimits limits, BudgetLimits budgets) {
        this.budgets = budgets;
        this.audit = audit;
        this.events = events;
        this.limits = limits;
    }

    @Override
    public Subject subject() {
        return Subject.ASSIGNMENT;
    }

    /** The assignment's content as the audit keeps it. */
    static Map<String, Object> content(Assignment assignment) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", assignment.title);
        content.put("description", assignment.description);
        content.put("orgUnitCode", assignment.orgUnitCode);
        content.put("campaignId", Objects.toString(assignment.campaignId, null));
        content.put("parentAssignmentId", Objects.toString(assignment.parentAssignmentId, null));
        content.put("form", assignment.form);
        content.put(QUANTITY, assignment.quantity);
        content.put(BUDGET, assignment.budgetVnd);
        content.put(TARGETS, new TreeMap<>(assignment.targets));
        content.put("startDate", assignment.startDate.toString());
        content.put("dueDate", assignment.dueDate.toString());
        content.put("responsible", assignment.responsible);
        content.put("status", assignment.status.name());
        return content;
    }

    private static Map<String, Object> held(Map<String, Object> content) {
        Map<String, Object> held = new LinkedHashMap<>();
        held.put(QUANTITY, content.get(QUANTITY));
        held.put(BUDGET, content.get(BUDGET));
        held.put(TARGETS, content.get(TARGETS));
        return held;
    }

    /** The assignment's plan when it is approved or active (its amounts then go to the decider); else null. */
    private static Plan decidedPlan(Assignment assignment) {
        Plan plan = assignment.planId == null ? null : Plan.<Plan>findById(assignment.planId);
        return plan != null && plan.isDecided() ? plan : null;
    }

    /**
     * After AssignmentService applied a change ({@code before}: the content it had): on a decided plan,
     * changed amounts go back to the approved ones and are held as an amendment, the rest is recorded. The
     * amendment's id, or null.
     */
    @SuppressWarnings("unchecked")
    UUID afterChange(Assignment assignment, Map<String, Object> before, String actor) {
        Plan plan = decidedPlan(assignment);
        if (plan == null) {
            return null;
        }
        Map<String, Object> heldBefore = held(before);
        Map<String, Object> heldAfter = held(content(assignment));
        UUID amendment = null;
        if (!audit.same(heldBefore, heldAfter)) {
            if (assignment.status == Assignment.Status.CLOSED) {
                throw ProblemException.invalidField("amounts-with-closing", "status", "on an approved plan, close "
                        + "the assignment or change its amounts (which wait for the plan's decider), not both at once");
            }
            assignment.quantity = (Integer) before.get(QUANTITY);
            assignment.budgetVnd = (Long) before.get(BUDGET);
            assignment.targets.clear();
            assignment.targets.putAll((Map<String, Long>) before.get(TARGETS));
            amendment = audit.propose(plan, Subject.ASSIGNMENT, assignment.id, heldBefore, heldAfter, actor);
        }
        audit.changed(plan, Subject.ASSIGNMENT, assignment.id, before, content(assignment), actor);
        return amendment;
    }

    /** An assignment added to a decided plan is recorded (its amounts are bounded by its parent's or campaign's). */
    void afterCreate(Assignment assignment, String actor) {
        Plan plan = decidedPlan(assignment);
        if (plan != null) {
            audit.created(plan, Subject.ASSIGNMENT, assignment.id, content(assignment), actor);
        }
    }

    @Override
    public Map<UUID, Map<String, Object>> contentOf(UUID planId) {
        Map<UUID, Map<String, Object>> contents = new LinkedHashMap<>();
        for (Assignment assignment : Assignment.<Assignment>list("planId = ?1 order by length(lineage), createdAt",
                planId)) {
            contents.put(assignment.id, content(assignment));
        }
        return contents;
    }

    /**
     * Applies approved amounts if they still start from what was proposed, and still fit the cascade and the
     * campaign's budget lines.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Applied apply(Amendment amendment, Map<String, Object> heldBefore, Map<String, Object> heldAfter,
            String actor) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(amendment.subjectId,
                LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.conflict("amendment-stale", "its assignment no longer exists"));
        Map<String, Object> before = content(assignment);
        if (assignment.status != Assignment.Status.OPEN) {
            throw ProblemException.conflict("amendment-stale", "the assignment is " + assignment.status);
        }
        if (!audit.same(held(before), heldBefore)) {
            throw ProblemException.conflict("amendment-stale", "the assignment's amounts changed since the amendment "
                    + "was proposed; return it and propose the change again");
        }
        int quantity = ((Number) heldAfter.get(QUANTITY)).intValue();
        long budget = ((Number) heldAfter.get(BUDGET)).longValue();
        Map<String, Long> targets = new TreeMap<>();
        ((Map<String, Object>) heldAfter.get(TARGETS)).forEach((metric, value) ->
                targets.put(metric, ((Number) value).longValue()));
        limits.requireHolds(assignment, quantity, budget, targets);
        if (assignment.parentAssignmentId != null) {
            limits.requireWithin(Assignment.<Assignment>findById(assignment.parentAssignmentId), assignment.id, quantity, budget,
                    targets);
        } else if (assignment.campaignId != null && budget > assignment.budgetVnd) {
            // What the campaign's other assignments hold may have grown since the raise was proposed.
            budgets.requireWithinCampaign(assignment.campaignId, assignment.id, budget);
        }
        assignment.quantity = quantity;
        assignment.budgetVnd = budget;
        assignment.targets.clear();
        assignment.targets.putAll(targets);
        assignment.updatedAt = OffsetDateTime.now();
        Assignment.flush();
        events.publish(AssignmentEvents.UPDATED, assignment);
        return new Applied(before, content(assignment));
    }
}
