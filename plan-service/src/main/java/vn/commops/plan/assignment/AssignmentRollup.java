package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The running figures of each assignment with every share under it ({@code assignment_rollup}), one row
 * per verification {@link State}: the activity consumer adds each applied revision's difference to every
 * assignment of its lineage, in the state the revision is in (a verification decision takes the figures
 * out of one state and puts them in another), and progress reads the assignment's rows. Figures are, in
 * order: activities, quantity, {@link OutcomeMetric#ALL}, cost in VND, activities that reported a cost.
 */
@ApplicationScoped
public class AssignmentRollup {

    /** Where an activity stands for progress: REPORTED until a reviewer decides (asking for information decides nothing). */
    public enum State {
        REPORTED, VERIFIED, REJECTED;

        static State of(String verificationStatus) {
            if ("VERIFIED".equals(verificationStatus)) {
                return VERIFIED;
            }
            return "REJECTED".equals(verificationStatus) ? REJECTED : REPORTED;
        }
    }

    /** One row of the table. */
    record Key(UUID assignmentId, State state) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::assignmentId).thenComparing(Key::state);
    }

    /** The table's figure columns, in the order of the figures. */
    private static final List<String> COLUMNS = List.of("activities", "quantity", "attendance", "reach", "plays",
            "interactions", "new_social_insurance", "new_health_insurance", "app_installs", "non_cash_conversions",
            "books_and_cards_donated", "cost_vnd", "costed");
    static final int FIGURES = COLUMNS.size();
    public static final int ACTIVITIES = 0;
    public static final int QUANTITY = 1;
    public static final int COST = FIGURES - 2;
    public static final int COSTED = FIGURES - 1;
    /** Every figure's change as an array parameter, rows in key order (see {@link #apply}). */
    private static final String UPSERT = "insert into assignment_rollup as r (assignment_id, state, "
            + String.join(", ", COLUMNS) + ") select * from unnest(cast(:ids as uuid[]), cast(:states as text[]), "
            + IntStream.range(0, FIGURES).mapToObj(i -> "cast(:f" + i + " as bigint[])").collect(Collectors.joining(", "))
            + ") order by 1, 2 on conflict (assignment_id, state) do update set "
            + COLUMNS.stream().map(c -> c + " = r." + c + " + excluded." + c).collect(Collectors.joining(", "));
    private static final String READ = "select state, " + String.join(", ", COLUMNS)
            + " from assignment_rollup where assignment_id = :id";
    private static final String SUMS = COLUMNS.stream().map(c -> "sum(r." + c + ")").collect(Collectors.joining(", "));

    private final EntityManager entityManager;

    AssignmentRollup(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The figures of one applied activity, counted once ({@code sign} 1) or taken back ({@code sign} -1). */
    static long[] figures(AssignmentActivity a, int sign) {
        return new long[] {sign, sign * a.quantity, sign * a.attendance, sign * a.reach, sign * a.plays,
                sign * a.interactions, sign * a.newSocialInsurance, sign * a.newHealthInsurance, sign * a.appInstalls,
                sign * a.nonCashConversions, sign * a.booksAndCardsDonated, a.costReported ? sign * a.costVnd : 0,
                a.costReported ? sign : 0};
    }

    /** Adds {@code figures} to every assignment of {@code lineage}, in {@code state}, in {@code changes}. */
    static void add(Map<Key, long[]> changes, List<UUID> lineage, State state, long[] figures) {
        for (UUID id : lineage) {
            long[] sum = changes.computeIfAbsent(new Key(id, state), k -> new long[FIGURES]);
            for (int i = 0; i < FIGURES; i++) {
                sum[i] += figures[i];
            }
        }
    }

    /**
     * Applies the changes in one statement, rows in key order: two consumers moving overlapping lineages
     * lock them in the same order and never deadlock.
     */
    void apply(Map<Key, long[]> changes) {
        TreeMap<Key, long[]> sorted = new TreeMap<>(Key.ORDER);
        sorted.putAll(changes);
        sorted.values().removeIf(f -> Arrays.stream(f).allMatch(v -> v == 0));
        if (sorted.isEmpty()) {
            return;
        }
        var query = entityManager.createNativeQuery(UPSERT)
                .setParameter("ids", sorted.keySet().stream().map(k -> k.assignmentId().toString()).toArray(String[]::new))
                .setParameter("states", sorted.keySet().stream().map(k -> k.state().name()).toArray(String[]::new));
        for (int i = 0; i < FIGURES; i++) {
            int figure = i;
            query.setParameter("f" + i, sorted.values().stream().mapToLong(f -> f[figure]).boxed().toArray(Long[]::new));
        }
        query.executeUpdate();
    }

    /** The figures of the assignment with its shares, per state; zeros for a state nothing was reported in. */
    public Map<State, long[]> of(UUID assignmentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(READ).setParameter("id", assignmentId).getResultList();
        return byState(rows);
    }

    /**
     * The figures of every top-level assignment of a campaign or a plan ({@code owner} "campaign_id" or
     * "plan_id"), each with its shares, per state.
     */
    public Map<State, long[]> ofTopLevel(Owner owner, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select r.state, " + SUMS + " from assignment_rollup r "
                + "join assignment a on a.id = r.assignment_id where a." + owner.column
                + " = :id and a.parent_assignment_id is null group by r.state")
                .setParameter("id", id).getResultList();
        return byState(rows);
    }

    /** What a campaign's or plan's assignments are looked up by. */
    public enum Owner {
        CAMPAIGN("campaign_id"), PLAN("plan_id");

        private final String column;

        Owner(String column) {
            this.column = column;
        }
    }

    private static Map<State, long[]> byState(List<Object[]> rows) {
        Map<State, long[]> figures = new EnumMap<>(State.class);
        for (State state : State.values()) {
            figures.put(state, new long[FIGURES]);
        }
        for (Object[] row : rows) {
            long[] values = figures.get(State.valueOf((String) row[0]));
            for (int i = 0; i < FIGURES; i++) {
                values[i] = row[i + 1] == null ? 0 : ((Number) row[i + 1]).longValue();
            }
        }
        return figures;
    }
}
