package vn.commops.indicator.value;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.commops.indicator.dataelement.ActivityElement;
import vn.commops.indicator.expression.ElementRef;
import vn.commops.indicator.expression.Expression;
import vn.commops.indicator.expression.ExpressionParser;
import vn.commops.indicator.indicator.AggregationType;
import vn.commops.indicator.indicator.Indicator;
import vn.commops.indicator.indicator.PeriodType;

/**
 * An indicator ready to evaluate: its formulas parsed once per use (they were checked when saved).
 * {@code costBased}: it reads COST_VND (cost per outcome, outcomes per million VND), so both its sides are
 * summed over the activities that reported a cost; {@code costForm} is the one form its references share, or
 * null, for counting the activities left out.
 */
public record CompiledIndicator(String code, String name, String unit, double factor, AggregationType aggregationType,
        PeriodType periodType, Expression numerator, Expression denominator, boolean costBased, String costForm) {

    /** The breakdown categories it reads, each once. */
    public Stream<ElementRef> breakdowns() {
        return Stream.concat(numerator.references(), denominator == null ? Stream.empty() : denominator.references())
                .filter(ElementRef::isBreakdown).map(ElementRef::withoutPosition).distinct();
    }

    public static CompiledIndicator of(Indicator indicator) {
        Expression numerator = ExpressionParser.parse(indicator.numerator);
        Expression denominator = indicator.denominator == null ? null : ExpressionParser.parse(indicator.denominator);
        Set<ElementRef> references = Stream.concat(numerator.references(),
                        denominator == null ? Stream.empty() : denominator.references())
                .map(ElementRef::withoutPosition).collect(Collectors.toSet());
        boolean costBased = references.stream().anyMatch(r -> ActivityElement.COST_VND.name().equals(r.code()));
        Set<String> forms = references.stream().filter(r -> ActivityElement.byCode(r.code()).isPresent())
                .map(r -> r.form() == null ? "" : r.form()).collect(Collectors.toSet());
        String costForm = forms.size() == 1 && !forms.contains("") ? forms.iterator().next() : null;
        return new CompiledIndicator(indicator.code, indicator.name, indicator.unit, indicator.factor.doubleValue(),
                indicator.aggregationType, indicator.periodType, numerator, denominator, costBased, costForm);
    }
}
