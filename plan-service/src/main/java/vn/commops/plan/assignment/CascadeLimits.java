package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        fail(overruns);
    }

    /** The parent's existing shares other than {@code changedId}, plus the changed one's new amounts, fit. */
    void requireWithin(Assignment parent, UUID changedId, long quantity, long budget, Map<String, Long> targets) {
        List<Assignment> siblings = Assignment.list("parentAssignmentId = ?1 and status = ?2 and id <> ?3", parent.id,
                Assignment.Status.OPEN, changedId);
        List<Problem.FieldError> overruns = new ArrayList<>();
        check(overruns, "", "quantity", siblings.stream().mapToLong(a -> a.quantity).sum() + quantity, parent.quantity);
        check(overruns, "", "budgetVnd", siblings.stream().mapToLong(a -> a.budgetVnd).sum() + budget, parent.budgetVnd);
        for (Map.Entry<String, Long> target : parent.targets.entrySet()) {
            check(overruns, "", "targets." + target.getKey(), siblings.stream()
                    .mapToLong(a -> a.targets.getOrDefault(target.getKey(), 0L)).sum()
                    + targets.getOrDefault(target.getKey(), 0L), target.getValue());
        }
        fail(overruns);
    }

    /** An assignment cannot shrink below what its open shares already hold. */
    void requireHolds(Assignment assignment, long quantity, long budget, Map<String, Long> targets) {
        List<Assignment> shares = Assignment.list("parentAssignmentId = ?1 and status = ?2", assignment.id,
                Assignment.Status.OPEN);
        List<Problem.FieldError> overruns = new ArrayList<>();
        check(overruns, "", "quantity", shares.stream().mapToLong(a -> a.quantity).sum(), quantity);
        check(overruns, "", "budgetVnd", shares.stream().mapToLong(a -> a.budgetVnd).sum(), budget);
        for (Map.Entry<String, Long> target : targets.entrySet()) {
            check(overruns, "", "targets." + target.getKey(), shares.stream()
                    .mapToLong(a -> a.targets.getOrDefault(target.getKey(), 0L)).sum(), target.getValue());
        }
        fail(overruns);
    }

    private static void fail(List<Problem.FieldError> overruns) {
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
