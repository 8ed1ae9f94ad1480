package vn.commops.indicator.rollup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.commops.indicator.dataelement.ActivityElement;

/**
 * The rolled-up day and month totals: a unit's row counts its whole subtree, so any period's value of any
 * unit is one range sum over months and the days at either end. Adding, moving a subtree's rows between
 * ancestors, rebuilding, and summing them.
 */
@ApplicationScoped
public class UnitDayTotals {

    private static final String COLUMNS = ActivityElement.columns();
    static final String DAY_TABLE = "unit_day_total";
    static final String MONTH_TABLE = "unit_month_total";
    /** The same totals, attributed as the hierarchy was on each activity's day and never re-mapped. */
    static final String AS_WAS = "_as_was";
    static final String RECORD_COLUMNS = Arrays.stream(ActivityElement.values())
            .map(e -> e.column() + " bigint").collect(Collectors.joining(", "));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNED_COLUMNS = Arrays.stream(ActivityElement.values())
            .map(e -> "shift.sign * f." + e.column()).collect(Collectors.joining(", "));

    private final EntityManager entityManager;
    private final BreakdownTotals breakdowns;

    UnitDayTotals(EntityManager entityManager, BreakdownTotals breakdowns) {
        this.entityManager = entityManager;
        this.breakdowns = breakdowns;
    }

    /**
     * Adds the changes of a batch of activities: each key's values under every unit of its path, on its day
     * and in its month, in one statement per table.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(Map<FactKey, long[]> changes) {
        addAll(changes, "");
    }

    /** The same for the as-was totals, whose keys carry the path each activity had on its day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAllAsWas(Map<FactKey, long[]> changes) {
        addAll(changes, AS_WAS);
    }

    private void addAll(Map<FactKey, long[]> changes, String suffix) {
        Map<List<Object>, long[]> days = new LinkedHashMap<>();
        Map<List<Object>, long[]> months = new LinkedHashMap<>();
        changes.forEach((key, values) -> {
            for (String code : key.path().split("/")) {
                if (!code.isEmpty()) {
                    accumulate(days, List.of(code, key.day(), key.form(), key.campaignId(), key.verified(),
                            key.costed()), values);
                    accumulate(months, List.of(code, key.day().withDayOfMonth(1), key.form(), key.campaignId(),
                            key.verified(), key.costed()), values);
                }
            }
        });
        upsert(DAY_TABLE, suffix, days);
        upsert(MONTH_TABLE, suffix, months);
    }

    private static void accumulate(Map<List<Object>, long[]> rows, List<Object> key, long[] values) {
        long[] sums = rows.computeIfAbsent(key, k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            sums[i] += values[i];
        }
    }

    private void upsert(String table, String suffix, Map<List<Object>, long[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ArrayNode json = JSON.createArrayNode();
        ActivityElement[] elements = ActivityElement.values();
        rows.forEach((key, values) -> {
            ObjectNode row = json.addObject().put("org_unit_code", (String) key.get(0))
                    .put("at", key.get(1).toString()).put("form", (String) key.get(2))
                    .put("campaign_id", (String) key.get(3)).put("verified", (Boolean) key.get(4))
                    .put("costed", (Boolean) key.get(5));
            for (int i = 0; i < elements.length; i++) {
                row.put(elements[i].column(), values[i]);
            }
        });
        String time = timeColumn(table);
        entityManager.createNativeQuery("insert into " + table + suffix + " (org_unit_code, " + time + ", form, "
                + "campaign_id, verified, costed, " + COLUMNS + ") select org_unit_code, at, form, campaign_id, verified, "
                + "costed, " + COLUMNS
                + " from jsonb_to_recordset(cast(:rows as jsonb)) as r(org_unit_code text, at date, form text, "
                + "campaign_id text, verified boolean, costed boolean, " + RECORD_COLUMNS + ")"
                + " on conflict (org_unit_code, " + time + ", form, campaign_id, verified, costed) do update set "
                + addExcluded(table + suffix))
                .setParameter("rows", json.toString())
                .executeUpdate();
    }

    /**
     * Moves a unit's subtree totals (its own rows) from the ancestors it leaves to the ones it joins, when
     * it is moved or merged. {@code leaving} and {@code joining} are '/'-separated codes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shift(String unitCode, String leaving, String joining) {
        for (String table : new String[] {DAY_TABLE, MONTH_TABLE}) {
            String time = timeColumn(table);
            entityManager.createNativeQuery("insert into " + table + " (org_unit_code, " + time + ", form, campaign_id, "
                    + "verified, costed, " + COLUMNS + ") select shift.code, f." + time + ", f.form, f.campaign_id, "
                    + "f.verified, f.costed, " + SIGNED_COLUMNS + " from " + table + " f cross join (select code, -1 as sign from "
                    + "unnest(string_to_array(:leaving, '/')) code where code <> '' union all select code, 1 from "
                    + "unnest(string_to_array(:joining, '/')) code where code <> '') shift where f.org_unit_code = :unit"
                    + " on conflict (org_unit_code, " + time + ", form, campaign_id, verified, costed) do update set "
                    + addExcluded(table))
                    .setParameter("unit", unitCode)
                    .setParameter("leaving", leaving)
                    .setParameter("joining", joining)
                    .executeUpdate();
        }
        breakdowns.shift(unitCode, leaving, joining);
    }

    /**
     * Rebuilds every total from the last-applied state of each activity. The as-was paths are looked up again
     * in the unit path history first, so a reorganisation recorded after activities of its days (a backdated
     * one) is reflected once recomputed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long rebuildFromActivityStates() {
        entityManager.createNativeQuery("lock table unit_day_total, unit_month_total, unit_day_total_as_was, "
                + "unit_month_total_as_was, unit_day_breakdown, unit_month_breakdown, unit_day_breakdown_as_was, "
                + "unit_month_breakdown_as_was, activity_state in exclusive mode").executeUpdate();
        entityManager.createNativeQuery("update activity_state s set as_was_path = h.path from unit_path_history h "
                + "where h.code = s.org_unit_code and h.effective_from = (select max(effective_from) from "
                + "unit_path_history x where x.code = s.org_unit_code and x.effective_from <= s.day) "
                + "and s.as_was_path <> h.path").executeUpdate();
        long rows = rebuild("", "org_unit_path");
        rebuild(AS_WAS, "as_was_path");
        breakdowns.rebuild(false);
        breakdowns.rebuild(true);
        return rows;
    }

    private long rebuild(String suffix, String pathColumn) {
        entityManager.createNativeQuery("delete from unit_day_total" + suffix).executeUpdate();
        entityManager.createNativeQuery("delete from unit_month_total" + suffix).executeUpdate();
        String sums = Arrays.stream(ActivityElement.values()).map(e -> "sum(s." + e.column() + ")")
                .collect(Collectors.joining(", "));
        int rows = entityManager.createNativeQuery("insert into unit_day_total" + suffix + " (org_unit_code, day, "
                + "form, campaign_id, verified, costed, " + COLUMNS + ") select code, s.day, s.form, s.campaign_id, "
                + "s.verified, s.costed, "
                + sums + " from activity_state s cross join lateral unnest(string_to_array(s." + pathColumn + ", '/'))"
                + " code where s.counted and code <> '' group by code, s.day, s.form, s.campaign_id, s.verified, "
                + "s.costed")
                .executeUpdate();
        entityManager.createNativeQuery("insert into unit_month_total" + suffix + " (org_unit_code, month, form, "
                + "campaign_id, verified, costed, " + COLUMNS + ") select org_unit_code, date_trunc('month', day)::date, "
                + "form, campaign_id, verified, costed, " + sums.replace("s.", "") + " from unit_day_total" + suffix
                + " group by org_unit_code, date_trunc('month', day)::date, form, campaign_id, verified, costed")
                .executeUpdate();
        return rows;
    }

    private static String timeColumn(String table) {
        return DAY_TABLE.equals(table) ? "day" : "month";
    }

    private static String addExcluded(String table) {
        return Arrays.stream(ActivityElement.values())
                .map(e -> e.column() + " = " + table + "." + e.column() + " + excluded." + e.column())
                .collect(Collectors.joining(", "));
    }

    /** Activities and attendance of a unit's subtree over days, every form and status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Sums sum(String unitCode, LocalDate from, LocalDate to, boolean asWas) {
        Object[] row = (Object[]) entityManager.createNativeQuery("select coalesce(sum(activities), 0), "
                + "coalesce(sum(attendance), 0) from unit_day_total" + (asWas ? AS_WAS : "")
                + " where org_unit_code = :code and day between :from and :to")
                .setParameter("code", unitCode)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        return new Sums(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    public record Sums(long activities, long attendance) {
    }
}
