package vn.commops.indicator.value;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.commops.common.api.PageOf;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.form.KnownForm;
import vn.commops.indicator.indicator.IndicatorService;
import vn.commops.indicator.indicator.PeriodType;
import vn.commops.indicator.period.Period;

/** Indicator values for indicators × units × periods, and time series: the read side of the live roll-ups. */
@ApplicationScoped
public class IndicatorValues {

    private static final Map<String, Comparator<IndicatorValue>> SORTS = Map.of(
            "indicator", Comparator.comparing(IndicatorValue::indicatorCode),
            "orgUnit", Comparator.comparing(IndicatorValue::orgUnitCode),
            "period", Comparator.comparing(IndicatorValue::startDate),
            "value", Comparator.comparing(IndicatorValue::value, Comparator.nullsFirst(Comparator.naturalOrder())));

    private final IndicatorService indicators;
    private final OrgUnits units;
    private final PeriodResolver periods;
    private final ActivityFacts facts;
    private final ValueCalculator calculator;

    IndicatorValues(IndicatorService indicators, OrgUnits units, PeriodResolver periods, ActivityFacts facts,
            ValueCalculator calculator) {
        this.indicators = indicators;
        this.units = units;
        this.periods = periods;
        this.facts = facts;
        this.calculator = calculator;
    }

    public record Query(List<String> indicatorCodes, String orgUnit, UnitScope scope, String level,
            List<String> periodIds, Filters filters) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<IndicatorValue> values(Query query, int page, int size, String sort) {
        checkFilters(query.filters());
        List<CompiledIndicator> compiled = compile(query.indicatorCodes());
        if (query.periodIds() == null || query.periodIds().isEmpty()) {
            throw ProblemException.badRequest("missing-period", "period", "name at least one period");
        }
        List<Period> asked = query.periodIds().stream().map(id -> periods.resolve(id, "period")).toList();
        UnitRef root = units.require(query.orgUnit(), "orgUnit");
        LocalDate earliest = asked.stream().map(Period::start).min(Comparator.naturalOrder()).orElseThrow();
        List<UnitRef> inScope = units.inScope(root, query.scope() == null ? UnitScope.SELF : query.scope(),
                query.level(), earliest);
        List<IndicatorValue> values = new ArrayList<>();
        for (Period period : asked) {
            values.addAll(compute(compiled, inScope, period, query.filters()));
        }
        values.sort(order(sort));
        int from = Math.min(page * size, values.size());
        return new PageOf<>(values.subList(from, Math.min(from + size, values.size())), page, size, values.size());
    }

    /** Every indicator's value for every unit in one period; one range sum per unit over the day totals. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndicatorValue> compute(List<CompiledIndicator> compiled, List<UnitRef> inScope, Period period,
            Filters filters) {
        Map<String, FormTotals> totals = facts.totals(inScope.stream().map(UnitRef::code).toList(), period.start(),
                period.end(), filters, compiled.stream().flatMap(CompiledIndicator::breakdowns)
                        .collect(Collectors.toSet()));
        List<IndicatorValue> values = new ArrayList<>();
        for (UnitRef unit : inScope) {
            for (CompiledIndicator indicator : compiled) {
                values.add(calculator.value(indicator, unit, period, totals.getOrDefault(unit.code(), FormTotals.NONE)));
            }
        }
        return values;
    }

    /** Activity totals behind a unit's figures, by form (evidence for commendations). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FormTotals totals(UnitRef unit, Period period, Filters filters) {
        return facts.totals(List.of(unit.code()), period.start(), period.end(), filters)
                .getOrDefault(unit.code(), FormTotals.NONE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndicatorValue> series(String code, String orgUnit, String from, String to, PeriodType periodType,
            Filters filters) {
        checkFilters(filters);
        CompiledIndicator indicator = CompiledIndicator.of(indicators.require(code));
        PeriodType type = periodType == null ? indicator.periodType() : periodType;
        UnitRef unit = units.require(orgUnit, "orgUnit");
        LocalDate start = day(from, "from", true);
        LocalDate end = day(to, "to", false);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("invalid-range", "to", "must not be before from");
        }
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate bucket = type.bucketStart(start); !bucket.isAfter(end); bucket = type.next(bucket)) {
            buckets.add(bucket);
            if (buckets.size() > 1000) {
                throw ProblemException.badRequest("range-too-long", "to",
                        "a series has at most 1000 points; choose a longer periodType");
            }
        }
        List<IndicatorValue> series = new ArrayList<>();
        for (LocalDate bucket : buckets) {
            Period period = new Period(type.periodId(bucket), bucket, type.next(bucket).minusDays(1));
            series.addAll(compute(List.of(indicator), List.of(unit), period, filters));
        }
        return series;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CompiledIndicator> compile(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return indicators.list().stream().map(view -> CompiledIndicator.of(indicators.require(view.code()))).toList();
        }
        return new LinkedHashSet<>(codes).stream().map(code -> {
            try {
                return CompiledIndicator.of(indicators.require(code));
            } catch (ProblemException e) {
                throw ProblemException.invalidField("unknown-indicator", "indicators", "no indicator '" + code + "'");
            }
        }).toList();
    }

    private static void checkFilters(Filters filters) {
        if (filters.form() != null && !KnownForm.isKnown(filters.form())) {
            throw ProblemException.badRequest("invalid-form", "form", "unknown activity form '" + filters.form() + "'");
        }
    }

    private static LocalDate day(String text, String field, boolean start) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("missing-" + field, field, "a date (2024-01-01) or a period id (2024Q1)");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException notADate) {
            try {
                Period period = Period.parse(text);
                return start ? period.start() : period.end();
            } catch (Period.InvalidPeriodException e) {
                throw ProblemException.badRequest("invalid-" + field, field,
                        "a date (2024-01-01) or a period id (2024Q1)");
            }
        }
    }

    private static Comparator<IndicatorValue> order(String sort) {
        Comparator<IndicatorValue> natural = SORTS.get("indicator").thenComparing(SORTS.get("orgUnit"))
                .thenComparing(SORTS.get("period"));
        if (sort == null || sort.isBlank()) {
            return natural;
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<IndicatorValue> chosen = SORTS.get(field);
        if (chosen == null) {
            throw ProblemException.badRequest("invalid-sort", "sort",
                    "cannot sort by '" + field + "'; use one of " + SORTS.keySet().stream().sorted().toList());
        }
        return (descending ? chosen.reversed() : chosen).thenComparing(natural);
    }
}
