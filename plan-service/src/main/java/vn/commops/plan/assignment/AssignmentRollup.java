package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The running figures of each assignment with every share under it ({@code assignment_rollup}): the
 * activity consumer adds each applied revision's difference to every assignment of its lineage, and
 * progress reads one row. Figures are, in order: activities, quantity, then {@link OutcomeMetric#ALL}.
 */
@ApplicationScoped
public class AssignmentRollup {

    static final String[] OUTCOME_COLUMNS = {"attendance", "reach", "plays", "interactions", "new_social_insurance",
            "new_health_insurance", "app_installs", "non_cash_conversions", "books_and_cards_donated"};
    static final int FIGURES = 2 + OUTCOME_COLUMNS.length;
    private static final String COLUMNS = "activities, quantity, " + String.join(", ", OUTCOME_COLUMNS);

    private final EntityManager entityManager;

    AssignmentRollup(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The figures of one applied activity, counted once ({@code sign} 1) or taken back ({@code sign} -1). */
    static long[] figures(AssignmentActivity a, int sign) {
        return new long[] {sign, sign * a.quantity, sign * a.attendance, sign * a.reach, sign * a.plays,
                sign * a.interactions, sign * a.newSocialInsurance, sign * a.newHealthInsurance, sign * a.appInstalls,
                sign * a.nonCashConversions, sign * a.booksAndCardsDonated};
    }

    /** Adds {@code figures} to every assignment of {@code lineage} in {@code changes}. */
    static void add(Map<UUID, long[]> changes, List<UUID> lineage, long[] figures) {
        for (UUID id : lineage) {
            long[] sum = changes.computeIfAbsent(id, k -> new long[FIGURES]);
            for (int i = 0; i < FIGURES; i++) {
                sum[i] += figures[i];
            }
        }
    }

    /**
     * Applies the changes in one statement, rows in id order: two consumers moving overlapping lineages
     * lock them in the same order and never deadlock.
     */
    void apply(Map<UUID, long[]> changes) {
        TreeMap<UUID, long[]> sorted = new TreeMap<>(changes);
        sorted.values().removeIf(f -> Arrays.stream(f).allMatch(v -> v == 0));
        if (sorted.isEmpty()) {
            return;
        }
        StringBuilder unnest = new StringBuilder("cast(:ids as uuid[])");
        StringBuilder set = new StringBuilder();
        String[] names = COLUMNS.split(", ");
        for (int i = 0; i < names.length; i++) {
            unnest.append(", cast(:f").append(i).append(" as bigint[])");
            set.append(i == 0 ? "" : ", ").append(names[i]).append(" = r.").append(names[i]).append(" + excluded.")
                    .append(names[i]);
        }
        var query = entityManager.createNativeQuery("insert into assignment_rollup as r (assignment_id, " + COLUMNS
                + ") select * from unnest(" + unnest + ") order by 1 on conflict (assignment_id) do update set " + set);
        query.setParameter("ids", sorted.keySet().stream().map(UUID::toString).toArray(String[]::new));
        for (int i = 0; i < names.length; i++) {
            int figure = i;
            query.setParameter("f" + i, sorted.values().stream().mapToLong(f -> f[figure]).boxed().toArray(Long[]::new));
        }
        query.executeUpdate();
    }

    /** The figures of the assignment with its shares; zeros before any activity reported against them. */
    long[] of(UUID assignmentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS
                + " from assignment_rollup where assignment_id = :id").setParameter("id", assignmentId).getResultList();
        long[] figures = new long[FIGURES];
        if (!rows.isEmpty()) {
            Object[] row = rows.get(0);
            for (int i = 0; i < FIGURES; i++) {
                figures[i] = ((Number) row[i]).longValue();
            }
        }
        return figures;
    }
}
