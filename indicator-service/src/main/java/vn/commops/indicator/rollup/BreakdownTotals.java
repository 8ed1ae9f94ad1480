package vn.commops.indicator.rollup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rolled-up breakdown counts (unit_day_breakdown, unit_month_breakdown and their as-was twins), kept as
 * {@link UnitDayTotals} keeps the plain totals: a unit's row counts its subtree, moved with it, rebuilt from
 * the per-activity states.
 */
@ApplicationScoped
public class BreakdownTotals {

    /** One activity's counts summed under a fact key; {@code count} is "ELEMENT|dimension|category". */
    record Change(FactKey key, String count) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "org_unit_code, element, dimension, category, %s, form, campaign_id, verified";

    private final EntityManager entityManager;

    BreakdownTotals(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(Map<Change, Long> changes, boolean asWas) {
        Map<List<Object>, Long> days = new LinkedHashMap<>();
        Map<List<Object>, Long> months = new LinkedHashMap<>();
        changes.forEach((change, value) -> {
            if (value == 0) {
                return;
            }
            FactKey key = change.key();
            for (String code : key.path().split("/")) {
                if (!code.isEmpty()) {
                    days.merge(List.of(code, change.count(), key.day(), key.form(), key.campaignId(), key.verified()),
                            value, Long::sum);
                    months.merge(List.of(code, change.count(), key.day().withDayOfMonth(1), key.form(),
                            key.campaignId(), key.verified()), value, Long::sum);
                }
            }
        });
        String suffix = asWas ? UnitDayTotals.AS_WAS : "";
        upsert("unit_day_breakdown" + suffix, "day", days);
        upsert("unit_month_breakdown" + suffix, "month", months);
    }

    private void upsert(String table, String time, Map<List<Object>, Long> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ArrayNode json = JSON.createArrayNode();
        rows.forEach((key, value) -> {
            String[] count = ((String) key.get(1)).split("\\|", 3);
            json.addObject().put("org_unit_code", (String) key.get(0)).put("element", count[0])
                    .put("dimension", count[1]).put("category", count[2]).put("at", key.get(2).toString())
                    .put("form", (String) key.get(3)).put("campaign_id", (String) key.get(4))
                    .put("verified", (Boolean) key.get(5)).put("value", value);
        });
        entityManager.createNativeQuery("insert into " + table + " (" + KEY.formatted(time) + ", value) "
                + "select org_unit_code, element, dimension, category, at, form, campaign_id, verified, value "
                + "from jsonb_to_recordset(cast(:rows as jsonb)) as r(org_unit_code text, element text, dimension text, "
                + "category text, at date, form text, campaign_id text, verified boolean, value bigint) "
                + "on conflict (" + KEY.formatted(time) + ") do update set value = " + table + ".value + excluded.value")
                .setParameter("rows", json.toString())
                .executeUpdate();
    }

    /** Moves a unit's subtree counts from the ancestors it leaves to those it joins (today's hierarchy only). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shift(String unitCode, String leaving, String joining) {
        for (String time : new String[] {"day", "month"}) {
            String table = "unit_" + time + "_breakdown";
            entityManager.createNativeQuery("insert into " + table + " (" + KEY.formatted(time) + ", value) "
                    + "select shift.code, f.element, f.dimension, f.category, f." + time + ", f.form, f.campaign_id, "
                    + "f.verified, shift.sign * f.value from " + table + " f cross join (select code, -1 as sign from "
                    + "unnest(string_to_array(:leaving, '/')) code where code <> '' union all select code, 1 from "
                    + "unnest(string_to_array(:joining, '/')) code where code <> '') shift where f.org_unit_code = :unit"
                    + " on conflict (" + KEY.formatted(time) + ") do update set value = " + table + ".value + "
                    + "excluded.value")
                    .setParameter("unit", unitCode)
                    .setParameter("leaving", leaving)
                    .setParameter("joining", joining)
                    .executeUpdate();
        }
    }

    /** Rebuilds the counts from each activity's last applied state; the caller holds the tables locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rebuild(boolean asWas) {
        String suffix = asWas ? UnitDayTotals.AS_WAS : "";
        String pathColumn = asWas ? "as_was_path" : "org_unit_path";
        entityManager.createNativeQuery("delete from unit_day_breakdown" + suffix).executeUpdate();
        entityManager.createNativeQuery("delete from unit_month_breakdown" + suffix).executeUpdate();
        entityManager.createNativeQuery("insert into unit_day_breakdown" + suffix + " (" + KEY.formatted("day")
                + ", value) select code, split_part(c.key, '|', 1), split_part(c.key, '|', 2), split_part(c.key, '|', 3), "
                + "s.day, s.form, s.campaign_id, s.verified, sum(c.value::bigint) from activity_state s "
                + "cross join lateral jsonb_each_text(s.breakdowns) c "
                + "cross join lateral unnest(string_to_array(s." + pathColumn + ", '/')) code "
                + "where s.counted and s.breakdowns is not null and code <> '' "
                + "group by 1, 2, 3, 4, 5, 6, 7, 8")
                .executeUpdate();
        entityManager.createNativeQuery("insert into unit_month_breakdown" + suffix + " (" + KEY.formatted("month")
                + ", value) select org_unit_code, element, dimension, category, date_trunc('month', day)::date, form, "
                + "campaign_id, verified, sum(value) from unit_day_breakdown" + suffix + " group by 1, 2, 3, 4, 5, 6, 7, 8")
                .executeUpdate();
    }
}
