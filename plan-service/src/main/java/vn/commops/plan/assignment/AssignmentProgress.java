package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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

    private static final String[] COLUMNS = {"attendance", "reach", "plays", "interactions", "new_social_insurance",
            "new_health_insurance", "app_installs", "non_cash_conversions", "books_and_cards_donated"};

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

    private final EntityManager entityManager;
    private final AssignmentConfig config;

    AssignmentProgress(EntityManager entityManager, AssignmentConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    Progress of(Assignment assignment) {
        Object[] sums = (Object[]) entityManager.createNativeQuery("select count(*), coalesce(sum(a.quantity), 0), "
                        + String.join(", ", Arrays.stream(COLUMNS).map(c -> "coalesce(sum(a." + c + "), 0)").toList())
                        + " from assignment_activity a join assignment x on x.id = a.assignment_id"
                        + " where x.lineage like :lineage and not a.withdrawn")
                .setParameter("lineage", assignment.lineage + "%")
                .getSingleResult();
        long activities = ((Number) sums[0]).longValue();
        long done = ((Number) sums[1]).longValue();
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            outcomes.put(OutcomeMetric.ALL.get(i), ((Number) sums[i + 2]).longValue());
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
