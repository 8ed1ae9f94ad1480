package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.plan.campaign.Campaign;

/**
 * Assignment budgets stay within their campaign's budget lines: the open top-level assignments of a
 * campaign together hold no more than the lines' total. Shares are held within their parent by
 * {@link CascadeLimits}, so they stay within the campaign too. Both sides lock the campaign's row first,
 * so a new assignment and a change of the lines never pass the check on each other's old figures.
 */
@ApplicationScoped
public class BudgetLimits {

    /**
     * A top-level assignment of the campaign, new ({@code changedId} null) or changed, would hold
     * {@code budget}: with what the campaign's other open top-level assignments hold, it must fit.
     */
    void requireWithinCampaign(UUID campaignId, UUID changedId, long budget) {
        Campaign campaign = Campaign.<Campaign>findById(campaignId, LockModeType.PESSIMISTIC_WRITE);
        long total = total(campaign);
        long others = assigned(campaignId, changedId);
        if (others + budget > total) {
            throw ProblemException.invalidField("budget-exceeds-campaign", "budgetVnd", "the campaign's assignments "
                    + "would hold " + (others + budget) + " VND (" + others + " already, " + budget + " this one), "
                    + "its budget lines total " + total + " VND (over by " + (others + budget - total) + ")");
        }
    }

    /** The campaign's budget lines are to total {@code newTotal}: no less than its assignments already hold. */
    public void requireCampaignHolds(Campaign campaign, long newTotal) {
        long assigned = assigned(campaign.id, null);
        if (newTotal < assigned) {
            throw ProblemException.invalidField("budget-below-assigned", "budgetLines", "the budget lines would total "
                    + newTotal + " VND, below the " + assigned + " VND the campaign's assignments hold (short by "
                    + (assigned - newTotal) + ")");
        }
    }

    /** What the campaign's open top-level assignments hold, but {@code exceptId}'s. */
    public static long assigned(UUID campaignId, UUID exceptId) {
        var query = Assignment.getEntityManager().createQuery("select coalesce(sum(a.budgetVnd), 0) from Assignment a "
                        + "where a.campaignId = :campaign and a.parentAssignmentId is null and a.status = :open"
                        + (exceptId == null ? "" : " and a.id <> :except"), Number.class)
                .setParameter("campaign", campaignId)
                .setParameter("open", Assignment.Status.OPEN);
        if (exceptId != null) {
            query.setParameter("except", exceptId);
        }
        return query.getSingleResult().longValue();
    }

    /** The total of the campaign's budget lines. */
    public static long total(Campaign campaign) {
        return campaign.budgetLines.stream().mapToLong(line -> line.amountVnd).sum();
    }
}
