package vn.commops.indicator.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import vn.commops.indicator.dataelement.ActivityElement;

/**
 * The rolled-up day totals: a unit's row counts its whole subtree, so any period's value of any unit is
 * one range sum over days. Adding, moving a subtree's rows between ancestors, and summing them.
 */
@ApplicationScoped
public class UnitDayTotals {

    private static final String COLUMNS = ActivityElement.columns();
    private static final String ADD_EXCLUDED = Arrays.stream(ActivityElement.values())
            .map(e -> e.column() + " = unit_day_total." + e.column() + " + excluded." + e.column())
            .collect(Collectors.joining(", "));
    private static final String VALUE_PARAMETERS = Arrays.stream(ActivityElement.values())
            .map(e -> ":" + e.column()).collect(Collectors.joining(", "));
    private static final String SIGNED_COLUMNS = Arrays.stream(ActivityElement.values())
            .map(e -> "shift.sign * f." + e.column()).collect(Collectors.joining(", "));

    private final EntityManager entityManager;

    UnitDayTotals(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds sign × values to the key's day under every unit of its path. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(FactKey key, long[] values, int sign) {
        Query query = entityManager.createNativeQuery("insert into unit_day_total (org_unit_code, day, form, campaign_id, "
                + "verified, " + COLUMNS + ") select code, :day, :form, :campaign, :verified, " + VALUE_PARAMETERS
                + " from unnest(string_to_array(:path, '/')) code where code <> ''"
                + " on conflict (org_unit_code, day, form, campaign_id, verified) do update set " + ADD_EXCLUDED)
                .setParameter("day", key.day())
                .setParameter("form", key.form())
                .setParameter("campaign", key.campaignId())
                .setParameter("verified", key.verified())
                .setParameter("path", key.path());
        ActivityElement[] elements = ActivityElement.values();
        for (int i = 0; i < elements.length; i++) {
            query.setParameter(elements[i].column(), sign * values[i]);
        }
        query.executeUpdate();
    }

    /**
     * Moves a unit's subtree totals (its own rows) from the ancestors it leaves to the ones it joins, when
     * it is moved or merged. {@code leaving} and {@code joining} are '/'-separated codes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shift(String unitCode, String leaving, String joining) {
        entityManager.createNativeQuery("insert into unit_day_total (org_unit_code, day, form, campaign_id, verified, "
                + COLUMNS + ") select shift.code, f.day, f.form, f.campaign_id, f.verified, " + SIGNED_COLUMNS
                + " from unit_day_total f cross join (select code, -1 as sign from unnest(string_to_array(:leaving, '/')) code"
                + " where code <> '' union all select code, 1 from unnest(string_to_array(:joining, '/')) code"
                + " where code <> '') shift where f.org_unit_code = :unit"
                + " on conflict (org_unit_code, day, form, campaign_id, verified) do update set " + ADD_EXCLUDED)
                .setParameter("unit", unitCode)
                .setParameter("leaving", leaving)
                .setParameter("joining", joining)
                .executeUpdate();
    }

    /** Rebuilds every total from the last-applied state of each activity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long rebuildFromActivityStates() {
        entityManager.createNativeQuery("lock table unit_day_total, activity_state in exclusive mode").executeUpdate();
        entityManager.createNativeQuery("delete from unit_day_total").executeUpdate();
        String sums = Arrays.stream(ActivityElement.values()).map(e -> "sum(s." + e.column() + ")")
                .collect(Collectors.joining(", "));
        return entityManager.createNativeQuery("insert into unit_day_total (org_unit_code, day, form, campaign_id, "
                + "verified, " + COLUMNS + ") select code, s.day, s.form, s.campaign_id, s.verified, " + sums
                + " from activity_state s cross join lateral unnest(string_to_array(s.org_unit_path, '/')) code"
                + " where s.counted and code <> '' group by code, s.day, s.form, s.campaign_id, s.verified")
                .executeUpdate();
    }

    /** Activities and attendance of a unit's subtree over days, every form and status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Sums sum(String unitCode, LocalDate from, LocalDate to) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select coalesce(sum(activities), 0), coalesce(sum(attendance), 0)
                from unit_day_total where org_unit_code = :code and day between :from and :to
                """)
                .setParameter("code", unitCode)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        return new Sums(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    public record Sums(long activities, long attendance) {
    }
}
