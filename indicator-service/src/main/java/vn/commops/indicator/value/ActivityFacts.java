package vn.commops.indicator.value;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.commops.indicator.dataelement.ActivityElement;
import vn.commops.indicator.expression.ElementRef;

/**
 * Reads the rolled-up totals: per unit, a range sum over months and the days at either end, whatever its
 * subtree; from the tables of the hierarchy asked for, which have the same shape.
 */
@ApplicationScoped
public class ActivityFacts {

    private static final String COLUMNS = ActivityElement.columns();
    private static final String SUMS = Arrays.stream(ActivityElement.values()).map(e -> "sum(" + e.column() + ")")
            .collect(Collectors.joining(", "));

    private final EntityManager entityManager;

    ActivityFacts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, FormTotals> totals(Collection<String> unitCodes, LocalDate from, LocalDate to, Filters filters) {
        return totals(unitCodes, from, to, filters, Set.of());
    }

    /** The totals with the breakdown categories these references read ({@code ATTENDANCE{group:STUDENTS}}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, FormTotals> totals(Collection<String> unitCodes, LocalDate from, LocalDate to, Filters filters,
            Set<ElementRef> breakdowns) {
        Map<String, FormTotals> totals = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return totals;
        }
        // Whole months come from the month totals, the days at either end from the day totals.
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastMonth = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
        boolean months = firstMonth.isBefore(afterLastMonth);
        String dimensions = " and (verified or not :verifiedOnly)"
                + " and (cast(:form as text) is null or form = :form)"
                + " and (cast(:campaign as text) is null or campaign_id = :campaign)";
        String units = " org_unit_code = any(string_to_array(:units, '/'))";
        String suffix = filters.hierarchy() == Hierarchy.AS_WAS ? "_as_was" : "";
        List<?> rows = entityManager.createNativeQuery("select org_unit_code, form, costed, " + SUMS + " from ("
                + "select org_unit_code, form, costed, " + COLUMNS + " from unit_month_total" + suffix + " where" + units
                + " and month between :firstMonth and :lastMonth" + dimensions
                + " union all select org_unit_code, form, costed, " + COLUMNS + " from unit_day_total" + suffix
                + " where" + units + " and (day between :from and :headEnd or day between :tailStart and :to)"
                + dimensions + ") totals group by org_unit_code, form, costed")
                .setParameter("units", String.join("/", unitCodes))
                .setParameter("firstMonth", firstMonth)
                .setParameter("lastMonth", months ? afterLastMonth.minusMonths(1) : firstMonth.minusDays(1))
                .setParameter("from", from)
                .setParameter("headEnd", months ? firstMonth.minusDays(1) : to)
                .setParameter("tailStart", months ? afterLastMonth : to.plusDays(1))
                .setParameter("to", to)
                .setParameter("verifiedOnly", filters.verifiedOnly())
                .setParameter("form", filters.form())
                .setParameter("campaign", filters.campaignId())
                .getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            long[] values = new long[ActivityElement.values().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = row[3 + i] == null ? 0 : ((Number) row[3 + i]).longValue();
            }
            totals.computeIfAbsent((String) row[0], code -> new FormTotals()).add((String) row[1], (Boolean) row[2],
                    values);
        }
        if (!breakdowns.isEmpty()) {
            breakdowns(unitCodes, from, to, filters, breakdowns, totals);
        }
        return totals;
    }

    /**
     * The categories asked for, by unit and form, as the totals are read: whole months plus the days at either
     * end, each table's primary key (unit, element, dimension, category, period) giving one range per category.
     */
    private void breakdowns(Collection<String> unitCodes, LocalDate from, LocalDate to, Filters filters,
            Set<ElementRef> references, Map<String, FormTotals> totals) {
        List<ElementRef> wanted = List.copyOf(references);
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastMonth = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
        boolean months = firstMonth.isBefore(afterLastMonth);
        String suffix = filters.hierarchy() == Hierarchy.AS_WAS ? "_as_was" : "";
        String where = " f.org_unit_code = any(string_to_array(:units, '/')) and f.element = w.e and f.dimension = w.d "
                + "and f.category = w.c and (f.verified or not :verifiedOnly)"
                + " and (cast(:form as text) is null or f.form = :form)"
                + " and (cast(:campaign as text) is null or f.campaign_id = :campaign)";
        String wantedRows = " join unnest(string_to_array(:elements, '/'), string_to_array(:dimensions, '/'), "
                + "string_to_array(:categories, '/')) w(e, d, c) on true";
        List<?> rows = entityManager.createNativeQuery("select org_unit_code, form, element || '|' || dimension || '|' "
                + "|| category, sum(value) from (select f.org_unit_code, f.form, f.element, f.dimension, f.category, f.value"
                + " from unit_month_breakdown" + suffix + " f" + wantedRows + " where" + where
                + " and f.month between :firstMonth and :lastMonth"
                + " union all select f.org_unit_code, f.form, f.element, f.dimension, f.category, f.value"
                + " from unit_day_breakdown" + suffix + " f" + wantedRows + " where" + where
                + " and (f.day between :from and :headEnd or f.day between :tailStart and :to)"
                + ") counts group by 1, 2, 3")
                .setParameter("units", String.join("/", unitCodes))
                .setParameter("elements", String.join("/", wanted.stream().map(ElementRef::code).toList()))
                .setParameter("dimensions", String.join("/", wanted.stream().map(ElementRef::dimension).toList()))
                .setParameter("categories", String.join("/", wanted.stream().map(ElementRef::category).toList()))
                .setParameter("firstMonth", firstMonth)
                .setParameter("lastMonth", months ? afterLastMonth.minusMonths(1) : firstMonth.minusDays(1))
                .setParameter("from", from)
                .setParameter("headEnd", months ? firstMonth.minusDays(1) : to)
                .setParameter("tailStart", months ? afterLastMonth : to.plusDays(1))
                .setParameter("to", to)
                .setParameter("verifiedOnly", filters.verifiedOnly())
                .setParameter("form", filters.form())
                .setParameter("campaign", filters.campaignId())
                .getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            totals.computeIfAbsent((String) row[0], code -> new FormTotals()).addBreakdown((String) row[1],
                    (String) row[2], ((Number) row[3]).longValue());
        }
    }
}
