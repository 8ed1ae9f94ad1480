package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The running figures of each assignment with every share under it ({@code assignment_rollup}): the
 * activity consumer adds each applied revision's difference to every assignment of its lineage, and
 * progress reads one row. Figures are, in order: activities, quantity, then {@link OutcomeMetric#ALL}.
 */
@ApplicationScoped
public class AssignmentRollup {

    /** The table's figure columns, in the order of the figures. */
    private static final List<String> COLUMNS = List.of("activities", "quantity", "attendance", "reach", "plays",
            "interactions", "new_social_insurance", "new_health_insurance", "app_installs", "non_cash_conversions",
            "books_and_cards_donated");
    static final int FIGURES = COLUMNS.size();
    /** Every figure's change as an array parameter, rows in id order (see {@link #apply}). */
    private static final String UPSERT = "insert into assignment_rollup as r (assignment_id, "
            + String.join(", ", COLUMNS) + ") select * from unnest(cast(:ids as uuid[]), "
            + IntStream.range(0, FIGURES).mapToObj(i -> "cast(:f" + i + " as bigint[])").collect(Collectors.joining(", "))
            + ") order by 1 on conflict (assignment_id) do update set "
            + COLUMNS.stream().map(c -> c + " = r." + c + " + excluded." + c).collect(Collectors.joining(", "));
    private static final String READ = "select " + String.join(", ", COLUMNS)
            + " from assignment_rollup where assignment_id = :id";

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
        var query = entityManager.createNativeQuery(UPSERT)
                .setParameter("ids", sorted.keySet().stream().map(UUID::toString).toArray(String[]::new));
        for (int i = 0; i < FIGURES; i++) {
            int figure = i;
            query.setParameter("f" + i, sorted.values().stream().mapToLong(f -> f[figure]).boxed().toArray(Long[]::new));
        }
        query.executeUpdate();
    }

    /** The figures of the assignment with its shares; zeros before any activity reported against them. */
    long[] of(UUID assignmentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(READ).setParameter("id", assignmentId).getResultList();
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
