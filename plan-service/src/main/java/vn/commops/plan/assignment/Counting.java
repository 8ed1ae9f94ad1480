package vn.commops.plan.assignment;

import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.problem.ProblemException;

/**
 * Which activities progress and spending count: {@code all} (the default) every one not rejected, reported
 * or verified; {@code verified} only those a reviewer verified. Withdrawn and rejected activities never count.
 */
@Schema(name = "ProgressCounting", description = "ALL: every activity not rejected or withdrawn; VERIFIED: only "
        + "verified ones")
public enum Counting {
    ALL("all", Set.of(AssignmentRollup.State.REPORTED, AssignmentRollup.State.VERIFIED)),
    VERIFIED("verified", Set.of(AssignmentRollup.State.VERIFIED));

    public static final String DESCRIPTION = "all (default): every activity not rejected or withdrawn; verified: only "
            + "activities a reviewer verified";

    private final String parameter;
    private final Set<AssignmentRollup.State> states;

    Counting(String parameter, Set<AssignmentRollup.State> states) {
        this.parameter = parameter;
        this.states = states;
    }

    public boolean counts(AssignmentRollup.State state) {
        return states.contains(state);
    }

    /** From the query parameter {@code count}; all when absent. */
    public static Counting parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        return Arrays.stream(values()).filter(c -> c.parameter.equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-counting", "count",
                        "must be 'all' or 'verified'"));
    }
}
