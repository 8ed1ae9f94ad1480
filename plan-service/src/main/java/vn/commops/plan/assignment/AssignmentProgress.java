package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Progress of an assignment from the activities reported against it and every assignment split
 * from it, counting every activity not rejected (or, asked so, verified ones only), with the figures of
 * each verification state beside. Status: DONE when the quantity and every target are reached;
 * NOT_STARTED while nothing is counted and the due date has not passed; otherwise ON_TRACK when the
 * least-achieved share (quantity or a target) keeps up with the share of the time from start to due
 * date elapsed, else BEHIND.
 */
@ApplicationScoped
class AssignmentProgress {

    @Schema(name = "AssignmentProgressStatus")
    enum Status {
        NOT_STARTED, ON_TRACK, BEHIND, DONE
    }

    @Schema(name = "AssignmentProgress")
    record Progress(
            @Schema(description = "Items delivered, this assignment and those split from it", examples = "12")
            long doneQuantity,
            @Schema(description = "Outcome and audience totals by metric",
                    examples = "{\"attendance\": 420, \"newSocialInsurance\": 20, \"newHealthInsurance\": 120}")
            Map<String, Long> outcomes,
            @Schema(description = "Activities counted (withdrawn and rejected ones never are)", examples = "9")
            long activities,
            @Schema(description = "Least-achieved share of quantity and targets, 0..1+", examples = "0.4")
            double achievedShare,
            @Schema(description = "Share of the time from start to due date elapsed, 0..1", examples = "0.5")
            double elapsedShare,
            Status progressStatus,
            @Schema(description = "Which activities the figures above count", examples = "ALL") Counting counting,
            @Schema(description = "Activities awaiting a reviewer's decision (reported, or asked for more information)")
            Figures reported,
            @Schema(description = "Activities a reviewer verified") Figures verified,
            @Schema(description = "Activities a reviewer rejected: shown, never counted") Figures rejected) {
    }

    @Schema(name = "AssignmentProgressFigures", description = "The figures of the activities in one verification state")
    record Figures(
            @Schema(description = "Activities in this state", examples = "3") long activities,
            @Schema(description = "Items they delivered", examples = "4") long quantity,
            @Schema(description = "Their outcome and audience totals by metric",
                    examples = "{\"attendance\": 105, \"newSocialInsurance\": 6}") Map<String, Long> outcomes) {

        static Figures of(long[] figures) {
            return new Figures(figures[AssignmentRollup.ACTIVITIES], figures[AssignmentRollup.QUANTITY],
                    AssignmentProgress.outcomes(figures));
        }
    }

    private final AssignmentRollup rollup;
    private final AssignmentConfig config;

    AssignmentProgress(AssignmentRollup rollup, AssignmentConfig config) {
        this.rollup = rollup;
        this.config = config;
    }

    Progress of(Assignment assignment) {
        return of(assignment, Counting.ALL);
    }

    Progress of(Assignment assignment, Counting counting) {
        Map<AssignmentRollup.State, long[]> byState = rollup.of(assignment.id);
        long[] figures = new long[AssignmentRollup.FIGURES];
        byState.forEach((state, values) -> {
            if (counting.counts(state)) {
                for (int i = 0; i < figures.length; i++) {
                    figures[i] += values[i];
                }
            }
        });
        long activities = figures[AssignmentRollup.ACTIVITIES];
        long done = figures[AssignmentRollup.QUANTITY];
        Map<String, Long> outcomes = outcomes(figures);
        double achieved = assignment.quantity > 0 ? (double) done / assignment.quantity : 1.0;
        for (Map.Entry<String, Long> target : assignment.targets.entrySet()) {
            if (target.getValue() > 0) {
                achieved = Math.min(achieved, (double) outcomes.getOrDefault(target.getKey(), 0L) / target.getValue());
            }
        }
        LocalDate today = LocalDate.now(config.zone());
        double elapsed = elapsedShare(assignment.startDate, assignment.dueDate, today);
        Status status;
        if (achieved >= 1.0 && activities > 0) {
            status = Status.DONE;
        } else if (activities == 0) {
            status = today.isAfter(assignment.dueDate) ? Status.BEHIND : Status.NOT_STARTED;
        } else {
            status = achieved >= elapsed ? Status.ON_TRACK : Status.BEHIND;
        }
        return new Progress(done, outcomes, activities, Math.round(achieved * 1000) / 1000.0,
                Math.round(elapsed * 1000) / 1000.0, status, counting,
                Figures.of(byState.get(AssignmentRollup.State.REPORTED)),
                Figures.of(byState.get(AssignmentRollup.State.VERIFIED)),
                Figures.of(byState.get(AssignmentRollup.State.REJECTED)));
    }

    private static Map<String, Long> outcomes(long[] figures) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < OutcomeMetric.ALL.size(); i++) {
            outcomes.put(OutcomeMetric.ALL.get(i), figures[i + 2]);
        }
        return outcomes;
    }

    /** Days are counted whole and inclusive: on the start day one day of the window has elapsed. */
    static double elapsedShare(LocalDate start, LocalDate due, LocalDate today) {
        if (today.isBefore(start)) {
            return 0;
        }
        long total = ChronoUnit.DAYS.between(start, due) + 1;
        long elapsed = ChronoUnit.DAYS.between(start, today) + 1;
        return Math.min(1.0, (double) elapsed / total);
    }
}
