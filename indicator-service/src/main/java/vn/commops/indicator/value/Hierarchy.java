package vn.commops.indicator.value;

import java.util.Arrays;
import vn.commops.common.problem.ProblemException;

/**
 * Which hierarchy figures roll up by. {@code current}: today's, with the history of moved and merged units
 * re-mapped into it (a merged unit's whole past counts toward its successor). {@code as-was}: each activity
 * counts toward the unit and ancestors it had on the activity's day, as historical reports expect.
 */
public enum Hierarchy {
    CURRENT("current"),
    AS_WAS("as-was");

    public static final String DESCRIPTION = "current (default): today's hierarchy, history of moved and merged "
            + "units re-mapped into it; as-was: each activity counts toward the unit and ancestors it had on its day";

    private final String parameter;

    Hierarchy(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** From the query parameter; current when absent. */
    public static Hierarchy parse(String value) {
        if (value == null || value.isBlank()) {
            return CURRENT;
        }
        return Arrays.stream(values()).filter(h -> h.parameter.equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-hierarchy", "hierarchy",
                        "must be 'current' or 'as-was'"));
    }
}
