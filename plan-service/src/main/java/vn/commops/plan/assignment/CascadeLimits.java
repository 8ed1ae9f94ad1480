package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * A unit cannot hand down more than it was handed: the shares of an assignment, those already made
 * and those asked for, together stay within its quantity, budget and each outcome target.
 */
@ApplicationScoped
class CascadeLimits {

    void requireWithin(Assignment parent, List<AssignmentRequest> newShares, String prefix) {
        List<Assignment> existing = Assignment.list("parentAssignmentId = ?1 and status = ?2", parent.id,
                Assignment.Status.OPEN);
        List<Problem.FieldError> overruns = new ArrayList<>();
        long quantity = existing.stream().mapToLong(a -> a.quantity).sum()
                + newShares.stream().mapToLong(AssignmentRequest::quantity).sum();
        check(overruns, prefix, "quantity", quantity, parent.quantity);
        long budget = existing.stream().mapToLong(a -> a.budgetVnd).sum()
                + newShares.stream().mapToLong(share -> share.budgetVnd() == null ? 0 : share.budgetVnd()).sum();
        check(overruns, prefix, "budgetVnd", budget, parent.budgetVnd);
        for (Map.Entry<String, Long> target : parent.targets.entrySet()) {
            long sum = existing.stream().mapToLong(a -> a.targets.getOrDefault(target.getKey(), 0L)).sum()
                    + newShares.stream().mapToLong(share -> share.targets() == null ? 0
                            : share.targets().getOrDefault(target.getKey(), 0L)).sum();
            check(overruns, prefix, "targets." + target.getKey(), sum, target.getValue());
        }
        if (!overruns.isEmpty()) {
            throw new ProblemException(400, "cascade-exceeds-parent", "Shares exceed the parent assignment",
                    String.join("; ", overruns.stream().map(e -> e.field() + ": " + e.message()).toList()), overruns);
        }
    }

    private static void check(List<Problem.FieldError> overruns, String prefix, String field, long total, long limit) {
        if (total > limit) {
            overruns.add(new Problem.FieldError(prefix.isEmpty() ? field : prefix + "." + field,
                    "shares total " + total + ", the parent has " + limit + " (over by " + (total - limit) + ")"));
        }
    }
}
