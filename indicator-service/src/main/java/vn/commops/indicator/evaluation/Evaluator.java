package vn.commops.indicator.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.commops.indicator.indicator.AggregationType;
import vn.commops.indicator.period.AgencyCalendar;
import vn.commops.indicator.period.Period;
import vn.commops.indicator.target.Target;
import vn.commops.indicator.target.TargetsInForce;
import vn.commops.indicator.value.CompiledIndicator;
import vn.commops.indicator.value.Filters;
import vn.commops.indicator.value.IndicatorValue;
import vn.commops.indicator.value.IndicatorValues;
import vn.commops.indicator.value.UnitRef;

/** Judges values against the targets in force, for the share of the period elapsed. */
@ApplicationScoped
public class Evaluator {

    private final IndicatorValues values;
    private final TargetsInForce targets;
    private final AgencyCalendar calendar;

    Evaluator(IndicatorValues values, TargetsInForce targets, AgencyCalendar calendar) {
        this.values = values;
        this.targets = targets;
        this.calendar = calendar;
    }

    /** The day a period is judged on: the given day, else today, never past the period's end. */
    public LocalDate judgedOn(Period period, LocalDate asked) {
        LocalDate day = asked == null ? calendar.today() : asked;
        return day.isAfter(period.end()) ? period.end() : day;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Evaluation> evaluate(List<CompiledIndicator> indicators, List<UnitRef> units, Period period,
            LocalDate asked, Filters filters) {
        LocalDate asOf = judgedOn(period, asked);
        List<IndicatorValue> computed = values.compute(indicators, units, period, filters);
        Map<String, Target> inForce = targets.on(indicators.stream().map(CompiledIndicator::code).toList(),
                units.stream().map(UnitRef::code).toList(), period.id(), asOf);
        List<Evaluation> evaluations = new ArrayList<>(computed.size());
        int i = 0;
        for (UnitRef unit : units) {
            for (CompiledIndicator indicator : indicators) {
                evaluations.add(judge(indicator, computed.get(i++), period, asOf,
                        Optional.ofNullable(inForce.get(TargetsInForce.key(indicator.code(), unit.code())))));
            }
        }
        return evaluations;
    }

    Evaluation judge(CompiledIndicator indicator, IndicatorValue value, Period period, LocalDate asOf,
            Optional<Target> target) {
        double share = elapsedShare(period, asOf);
        if (target.isEmpty()) {
            return new Evaluation(indicator.code(), value.orgUnitCode(), value.orgUnitName(), period.id(), asOf,
                    value.value(), null, null, share, null, null, EvaluationStatus.NO_TARGET);
        }
        double goal = target.get().value.doubleValue();
        double expected = indicator.aggregationType() == AggregationType.SUM ? goal * share : goal;
        double actual = value.value() == null ? 0 : value.value();
        EvaluationStatus status = actual >= goal ? EvaluationStatus.ACHIEVED
                : actual >= expected ? EvaluationStatus.ON_TRACK : EvaluationStatus.BEHIND;
        Double achievement = goal == 0 ? null : round(100 * actual / goal);
        return new Evaluation(indicator.code(), value.orgUnitCode(), value.orgUnitName(), period.id(), asOf,
                value.value(), goal, target.get().version, round(share), round(expected), achievement, status);
    }

    static double elapsedShare(Period period, LocalDate asOf) {
        if (asOf.isBefore(period.start())) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
        long elapsed = Math.min(days, ChronoUnit.DAYS.between(period.start(), asOf) + 1);
        return (double) elapsed / days;
    }

    private static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
