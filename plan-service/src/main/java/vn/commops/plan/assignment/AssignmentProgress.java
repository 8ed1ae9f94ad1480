package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Progress of an assignment from the activities reported against it and every assignment split
 * from it. Status: DONE when the quantity and every target are reached; NOT_STARTED while nothing is
 * reported and the due date has not passed; otherwise ON_TRACK when the least-achieved share
 * (quantity or a target) keeps up with the share of the time from start to due date elapsed, else BEHIND.
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
            @Schema(description = "Activities counted (withdrawn ones are not)", examples = "9") long activities,
            @Schema(description = "Least-achieved share of quantity and targets, 0..1+", examples = "0.4")
            double achievedShare,
            @Schema(description = "Share of the time from start to due date elapsed, 0..1", examples = "0.5")
            double elapsedShare,
            Status progressStatus) {
    }

    private final AssignmentRollup rollup;
    private final AssignmentConfig config;

    AssignmentProgress(AssignmentRollup rollup, AssignmentConfig config) {
        this.rollup = rollup;
        this.config = config;
    }

    Progress of(Assignment assignment) {
        long[] figures = rollup.of(assignment.id);
        long activities = figures[0];
        long done = figures[1];
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < OutcomeMetric.ALL.size(); i++) {
            outcomes.put(OutcomeMetric.ALL.get(i), figures[i + 2]);
        }
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
                Math.round(elapsed * 1000) / 1000.0, status);
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
