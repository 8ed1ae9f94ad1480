package vn.commops.plan.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.plan.assignment.Assignment;
import vn.commops.plan.assignment.AssignmentRollup;
import vn.commops.plan.assignment.BudgetLimits;
import vn.commops.plan.assignment.Counting;
import vn.commops.plan.campaign.Campaign;
import vn.commops.plan.plan.Plan;

/**
 * Budget versus actual. Spent is the cost of the activities that count (not withdrawn, not rejected; or
 * verified only), read from the assignments' rollups, which hold each assignment with its shares: a
 * campaign's or plan's spending is its top-level assignments'. Activities without a reported cost are
 * left out of spent and counted apart.
 */
@ApplicationScoped
public class Budgets {

    private final AssignmentRollup rollup;

    Budgets(AssignmentRollup rollup) {
        this.rollup = rollup;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BudgetView ofCampaign(UUID id, Counting counting) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Campaign", id.toString()));
        return view(BudgetView.Scope.CAMPAIGN, id, BudgetLimits.total(campaign), BudgetLimits.assigned(id, null),
                rollup.ofTopLevel(AssignmentRollup.Owner.CAMPAIGN, id), counting);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BudgetView ofPlan(UUID id, Counting counting) {
        Plan.<Plan>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id.toString()));
        long campaigns = Campaign.<Campaign>list("planId", id).stream().mapToLong(BudgetLimits::total).sum();
        long standAlone = sum("select coalesce(sum(a.budgetVnd), 0) from Assignment a where a.planId = :id "
                + "and a.parentAssignmentId is null and a.campaignId is null", id);
        long assigned = sum("select coalesce(sum(a.budgetVnd), 0) from Assignment a where a.planId = :id "
                + "and a.parentAssignmentId is null and a.status = :open", id);
        return view(BudgetView.Scope.PLAN, id, campaigns + standAlone, assigned,
                rollup.ofTopLevel(AssignmentRollup.Owner.PLAN, id), counting);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BudgetView ofAssignment(UUID id, Counting counting) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Assignment", id.toString()));
        long shares = sum("select coalesce(sum(a.budgetVnd), 0) from Assignment a where a.parentAssignmentId = :id "
                + "and a.status = :open", id);
        return view(BudgetView.Scope.ASSIGNMENT, id, assignment.budgetVnd, shares, rollup.of(id), counting);
    }

    private static long sum(String jpql, UUID id) {
        var query = Assignment.getEntityManager().createQuery(jpql, Number.class).setParameter("id", id);
        if (jpql.contains(":open")) {
            query.setParameter("open", Assignment.Status.OPEN);
        }
        return query.getSingleResult().longValue();
    }

    private static BudgetView view(BudgetView.Scope scope, UUID id, long allocated, long assigned,
            Map<AssignmentRollup.State, long[]> byState, Counting counting) {
        long spent = 0;
        long activities = 0;
        long costed = 0;
        for (Map.Entry<AssignmentRollup.State, long[]> state : byState.entrySet()) {
            if (counting.counts(state.getKey())) {
                spent += state.getValue()[AssignmentRollup.COST];
                activities += state.getValue()[AssignmentRollup.ACTIVITIES];
                costed += state.getValue()[AssignmentRollup.COSTED];
            }
        }
        return new BudgetView(scope, id, allocated, assigned, spent, allocated - spent, activities, activities - costed,
                counting);
    }
}
