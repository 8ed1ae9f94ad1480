package vn.commops.activity.breakdown;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.common.problem.Problem;

/**
 * Whether a record's breakdowns add up, checked from the record alone and the target groups it may use,
 * so a batch of ten thousand needs no query per record. Every fault is named by its field
 * ({@code breakdowns.attendance.sex}).
 */
public final class BreakdownRules {

    public static final String INVALID = "invalid-breakdown";
    public static final String UNKNOWN_CAMPAIGN = "unknown-campaign";

    private BreakdownRules() {
    }

    /**
     * @param groups the target-group codes the record may use: its campaign's, or the whole vocabulary
     *               without a campaign
     */
    public static List<Problem.FieldError> check(ActivityRequest request, Set<String> groups) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Breakdowns breakdowns = request.breakdowns();
        if (breakdowns == null) {
            return errors;
        }
        for (Breakdowns.Measure measure : Breakdowns.Measure.values()) {
            Breakdown breakdown = breakdowns.of(measure);
            if (breakdown == null) {
                continue;
            }
            String field = "breakdowns." + measure.field();
            Integer total = total(request, measure);
            if (total == null) {
                errors.add(new Problem.FieldError(field, "a breakdown needs " + measure.field() + " reported"));
                continue;
            }
            for (Dimension dimension : Dimension.values()) {
                Map<String, Integer> split = breakdown.of(dimension);
                if (split != null) {
                    check(field + "." + dimension.field(), dimension, split, total,
                            dimension == Dimension.GROUP ? groups : dimension.categories(), errors);
                }
            }
        }
        return errors;
    }

    private static void check(String field, Dimension dimension, Map<String, Integer> split, int total,
            Collection<String> allowed, List<Problem.FieldError> errors) {
        long sum = 0;
        boolean counted = true;
        for (Map.Entry<String, Integer> entry : split.entrySet()) {
            String at = field + "." + entry.getKey();
            if (!allowed.contains(entry.getKey())) {
                errors.add(new Problem.FieldError(at, dimension == Dimension.GROUP
                        ? "not a target group of the activity's campaign" + (allowed.isEmpty() ? " (it has none)"
                                : " (" + String.join(", ", allowed.stream().sorted().toList()) + ")")
                        : "not one of " + String.join(", ", dimension.categories())));
                counted = false;
            } else if (entry.getValue() == null || entry.getValue() < 0) {
                errors.add(new Problem.FieldError(at, "must be a whole number of 0 or more"));
                counted = false;
            } else {
                sum += entry.getValue();
            }
        }
        if (!counted) {
            return;
        }
        if (dimension.mustEqualTotal() && sum != total) {
            errors.add(new Problem.FieldError(field, "adds up to " + sum + ", not to the total of " + total));
        } else if (!dimension.mustEqualTotal() && sum > total) {
            errors.add(new Problem.FieldError(field, "adds up to " + sum + ", more than the total of " + total));
        }
    }

    private static Integer total(ActivityRequest request, Breakdowns.Measure measure) {
        return switch (measure) {
            case ATTENDANCE -> request.attendance();
            case NEW_SOCIAL_INSURANCE -> request.newSocialInsurance();
            case NEW_HEALTH_INSURANCE -> request.newHealthInsurance();
        };
    }

    /** Whether the record splits a measure by target group, so its campaign's groups must be looked up. */
    public static boolean namesGroups(ActivityRequest request) {
        Breakdowns breakdowns = request.breakdowns();
        if (breakdowns == null) {
            return false;
        }
        for (Breakdowns.Measure measure : Breakdowns.Measure.values()) {
            Breakdown breakdown = breakdowns.of(measure);
            if (breakdown != null && breakdown.of(Dimension.GROUP) != null) {
                return true;
            }
        }
        return false;
    }
}
