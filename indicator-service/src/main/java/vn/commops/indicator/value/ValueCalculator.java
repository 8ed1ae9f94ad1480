package vn.commops.indicator.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import vn.commops.indicator.dataelement.ActivityElement;
import vn.commops.indicator.expression.ElementRef;
import vn.commops.indicator.expression.Expression;
import vn.commops.indicator.period.Period;

/**
 * Evaluates an indicator for one unit and period from its activity totals and reported statistics. An
 * indicator that reads COST_VND sums both its sides over the activities that reported a cost: one without
 * would add its outcomes at no cost and understate cost per outcome. How many were left out is said.
 */
@ApplicationScoped
public class ValueCalculator {

    private final StatisticLookup statistics;

    ValueCalculator(StatisticLookup statistics) {
        this.statistics = statistics;
    }

    public IndicatorValue value(CompiledIndicator indicator, UnitRef unit, Period period, FormTotals totals) {
        Map<ElementRef, Double> memo = new HashMap<>();
        double numerator = evaluate(indicator, indicator.numerator(), unit, period, totals, memo);
        double denominator = indicator.denominator() == null ? 1
                : evaluate(indicator, indicator.denominator(), unit, period, totals, memo);
        double value = denominator == 0 ? Double.NaN : indicator.factor() * numerator / denominator;
        return new IndicatorValue(indicator.code(), unit.code(), unit.name(), period.id(), period.start(), period.end(),
                rounded(value), rounded(numerator), rounded(denominator),
                indicator.costBased() ? totals.uncostedActivities(indicator.costForm()) : null);
    }

    private double evaluate(CompiledIndicator indicator, Expression expression, UnitRef unit, Period period,
            FormTotals totals, Map<ElementRef, Double> memo) {
        return expression.evaluate(reference -> memo.computeIfAbsent(reference.withoutPosition(),
                ref -> element(ref, unit, period, totals, indicator.costBased())));
    }

    /**
     * An activity element of a cost-based indicator counts only the activities that reported a cost. A breakdown
     * category has no cost dimension and counts every activity whatever the indicator.
     */
    private double element(ElementRef reference, UnitRef unit, Period period, FormTotals totals, boolean costBased) {
        if (reference.isBreakdown()) {
            return totals.breakdownValue(reference.code(), reference.form(), reference.dimension(),
                    reference.category());
        }
        return ActivityElement.byCode(reference.code())
                .map(element -> (double) (costBased ? totals.costedValue(element, reference.form())
                        : totals.value(element, reference.form())))
                .orElseGet(() -> {
                    Double reported = statistics.value(unit.code(), unit.path(), reference.code(), period);
                    return reported == null ? Double.NaN : reported;
                });
    }

    private static Double rounded(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 10_000d) / 10_000d;
    }
}
