package vn.commops.plan.assignment;

import java.util.Arrays;
import java.util.List;

/** The audience and outcome figures activities report (docs/events.md), which assignments may target. */
public final class OutcomeMetric {

    public static final List<String> ALL = List.of("attendance", "reach", "plays", "interactions",
            "newSocialInsurance", "newHealthInsurance", "appInstalls", "nonCashConversions", "booksAndCardsDonated");

    private OutcomeMetric() {
    }

    static boolean known(String metric) {
        return ALL.contains(metric);
    }

    static String list() {
        return Arrays.toString(ALL.toArray());
    }
}
