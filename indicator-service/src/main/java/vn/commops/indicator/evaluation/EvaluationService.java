package vn.commops.indicator.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.indicator.dataelement.ActivityElement;
import vn.commops.indicator.period.Period;
import vn.commops.indicator.value.CompiledIndicator;
import vn.commops.indicator.value.Filters;
import vn.commops.indicator.value.FormTotals;
import vn.commops.indicator.value.IndicatorValues;
import vn.commops.indicator.value.OrgUnits;
import vn.commops.indicator.value.PeriodResolver;
import vn.commops.indicator.value.UnitRef;
import vn.commops.indicator.value.UnitScope;

/** Evaluations of one unit, scorecards of a unit's children, rankings within a level, commendation candidates. */
@ApplicationScoped
public class EvaluationService {

    private final Evaluator evaluator;
    private final IndicatorValues values;
    private final OrgUnits units;
    private final PeriodResolver periods;

    EvaluationService(Evaluator evaluator, IndicatorValues values, OrgUnits units, PeriodResolver periods) {
        this.evaluator = evaluator;
        this.values = values;
        this.units = units;
        this.periods = periods;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Evaluation> evaluate(List<String> indicators, String orgUnit, String period, LocalDate asOf,
            Filters filters) {
        Period judged = periods.resolve(period, "period");
        return evaluator.evaluate(values.compile(indicators), List.of(units.require(orgUnit, "orgUnit")), judged, asOf,
                filters);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Scorecard scorecard(List<String> indicators, String orgUnit, String period, LocalDate asOf,
            Filters filters) {
        Period judged = periods.resolve(period, "period");
        List<CompiledIndicator> compiled = values.compile(indicators);
        UnitRef root = units.require(orgUnit, "orgUnit");
        List<UnitRef> children = units.inScope(root, UnitScope.CHILDREN, null, judged.start());
        List<UnitRef> all = new ArrayList<>(children.size() + 1);
        all.add(root);
        all.addAll(children);
        List<Evaluation> evaluations = evaluator.evaluate(compiled, all, judged, asOf, filters);
        int per = compiled.size();
        List<Scorecard.Row> rows = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            UnitRef child = children.get(i);
            rows.add(new Scorecard.Row(child.code(), child.name(), evaluations.subList((i + 1) * per, (i + 2) * per)));
        }
        return new Scorecard(root.code(), judged.id(), evaluator.judgedOn(judged, asOf), evaluations.subList(0, per),
                rows);
    }

    /** Units of a level (under a root, the whole country by default) ranked by achievement, else by value. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ranking> rankings(String indicator, String level, String orgUnit, String period, LocalDate asOf,
            Filters filters) {
        if (indicator == null || indicator.isBlank()) {
            throw ProblemException.badRequest("missing-indicator", "indicator", "name the indicator to rank by");
        }
        if (level == null || level.isBlank()) {
            throw ProblemException.badRequest("missing-level", "level", "name the level to rank, e.g. PROVINCE");
        }
        Period judged = periods.resolve(period, "period");
        List<UnitRef> inLevel = orgUnit == null || orgUnit.isBlank()
                ? KnownOrgUnit.<KnownOrgUnit>list("levelCode = ?1 and (validTo is null or validTo >= ?2)", level,
                        judged.start()).stream()
                        .map(unit -> new UnitRef(unit.code, unit.name, unit.levelCode, unit.path)).toList()
                : units.inScope(units.require(orgUnit, "orgUnit"), UnitScope.LEVEL, level, judged.start());
        List<Evaluation> evaluations = new ArrayList<>(evaluator.evaluate(values.compile(List.of(indicator)), inLevel,
                judged, asOf, filters));
        Comparator<Evaluation> best = Comparator.comparing((Evaluation e) -> e.achievementPercent() == null ? 0 : 1)
                .thenComparing(e -> e.achievementPercent() == null ? 0 : e.achievementPercent())
                .thenComparing(e -> e.value() == null ? Double.NEGATIVE_INFINITY : e.value())
                .reversed().thenComparing(Evaluation::orgUnitCode);
        evaluations.sort(best);
        List<Ranking> rankings = new ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            Evaluation e = evaluations.get(i);
            boolean tie = i > 0 && best.thenComparing((a, b) -> 0).compare(evaluations.get(i - 1), e) == 0;
            int rank = tie ? rankings.get(i - 1).rank() : i + 1;
            rankings.add(new Ranking(rank, e));
        }
        return rankings;
    }

    /** Units in scope (the children by default) that achieved every target they have, best first, with evidence. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommendationCandidate> commendations(List<String> indicators, String orgUnit, UnitScope scope,
            String level, String period, LocalDate asOf, Filters filters) {
        Period judged = periods.resolve(period, "period");
        List<CompiledIndicator> compiled = values.compile(indicators);
        List<UnitRef> inScope = units.inScope(units.require(orgUnit, "orgUnit"),
                scope == null ? UnitScope.CHILDREN : scope, level, judged.start());
        List<Evaluation> evaluations = evaluator.evaluate(compiled, inScope, judged, asOf, filters);
        List<CommendationCandidate> candidates = new ArrayList<>();
        int per = compiled.size();
        for (int i = 0; i < inScope.size(); i++) {
            List<Evaluation> own = evaluations.subList(i * per, (i + 1) * per);
            List<Evaluation> judgedOnes = own.stream().filter(e -> e.status() != EvaluationStatus.NO_TARGET).toList();
            if (judgedOnes.isEmpty() || judgedOnes.stream().anyMatch(e -> e.status() != EvaluationStatus.ACHIEVED)) {
                continue;
            }
            double mean = judgedOnes.stream().mapToDouble(e -> e.achievementPercent() == null ? 100
                    : e.achievementPercent()).average().orElse(0);
            FormTotals evidence = values.totals(inScope.get(i), judged, filters);
            Map<String, Long> byForm = evidence.activitiesByForm();
            candidates.add(new CommendationCandidate(inScope.get(i).code(), inScope.get(i).name(),
                    Math.round(mean * 100) / 100d, List.copyOf(own), evidence.value(ActivityElement.ACTIVITY_COUNT, null),
                    byForm));
        }
        candidates.sort(Comparator.comparingDouble(CommendationCandidate::meanAchievementPercent).reversed()
                .thenComparing(CommendationCandidate::orgUnitCode));
        return candidates;
    }
}
