package vn.commops.indicator.value;

import vn.commops.indicator.expression.Expression;
import vn.commops.indicator.expression.ExpressionParser;
import vn.commops.indicator.indicator.AggregationType;
import vn.commops.indicator.indicator.Indicator;
import vn.commops.indicator.indicator.PeriodType;

/** An indicator ready to evaluate: its formulas parsed once per use (they were checked when saved). */
public record CompiledIndicator(String code, String name, String unit, double factor, AggregationType aggregationType,
        PeriodType periodType, Expression numerator, Expression denominator) {

    public static CompiledIndicator of(Indicator indicator) {
        return new CompiledIndicator(indicator.code, indicator.name, indicator.unit, indicator.factor.doubleValue(),
                indicator.aggregationType, indicator.periodType, ExpressionParser.parse(indicator.numerator),
                indicator.denominator == null ? null : ExpressionParser.parse(indicator.denominator));
    }
}
