package vn.commops.indicator.target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.indicator.indicator.AggregationType;
import vn.commops.indicator.indicator.Indicator;
import vn.commops.indicator.period.Period;
import vn.commops.indicator.value.CompiledIndicator;
import vn.commops.indicator.value.Filters;
import vn.commops.indicator.value.IndicatorValue;
import vn.commops.indicator.value.IndicatorValues;
import vn.commops.indicator.value.UnitRef;

/**
 * Shares a unit's target out: first over the parts of its period when asked (a year into quarters or
 * months), then, for the whole period and each part alike, down the hierarchy as many levels as asked.
 * Each share is cut by largest remainder, so every family adds up to its parent exactly; a unit's parts
 * and its share of the whole are cut separately and may differ by the rounding unit. Every target goes
 * through {@link TargetWriter}, so the rule, the setter's rights and the lock hold as for a single write.
 */
@ApplicationScoped
public class TargetCascade {

    private final TargetWriter writer;
    private final IndicatorValues values;

    TargetCascade(TargetWriter writer, IndicatorValues values) {
        this.writer = writer;
        this.values = values;
    }

    @Transactional
    public List<TargetView> cascade(UUID parentId, CascadeRequest request, Caller caller) {
        Target parent = Target.<Target>findByIdOptional(parentId)
                .orElseThrow(() -> ProblemException.notFound("Target", parentId.toString()));
        caller.requireUnit(parent.orgUnitCode, parent.orgUnitPath, "id");
        KnownOrgUnit root = KnownOrgUnit.findById(parent.orgUnitCode);
        if (root == null) {
            throw ProblemException.invalidField("unknown-org-unit", "id", "org unit '" + parent.orgUnitCode
                    + "' is no longer known");
        }
        Indicator indicator = Indicator.findById(parent.indicatorCode);
        Context context = new Context(indicator, root, parent,
                request.effectiveFrom() == null ? parent.effectiveFrom : request.effectiveFrom(), caller);
        return request.ruleOrDefault() == CascadeRequest.Rule.BY_HAND ? byHand(context, request)
                : byRule(context, request);
    }

    private record Context(Indicator indicator, KnownOrgUnit root, Target parent, LocalDate effectiveFrom,
            Caller caller) {
        Period whole() {
            return new Period(parent.periodId, parent.periodStart, parent.periodEnd);
        }
    }

    private List<TargetView> byHand(Context context, CascadeRequest request) {
        if (request.children() == null || request.children().isEmpty()) {
            throw ProblemException.badRequest("missing-children", "children", "BY_HAND needs a figure per unit");
        }
        if (request.splitPeriodInto() != null || request.levels() != null) {
            throw ProblemException.badRequest("by-hand-takes-figures", request.levels() != null ? "levels"
                    : "splitPeriodInto", "BY_HAND takes its units and periods from children");
        }
        Period whole = context.whole();
        record Planned(int index, KnownOrgUnit unit, Period period) {
        }
        List<Planned> planned = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.children().size(); i++) {
            CascadeRequest.Share share = request.children().get(i);
            KnownOrgUnit unit = KnownOrgUnit.findById(share.orgUnitCode());
            if (unit == null || !unit.path.startsWith(context.root().path)) {
                throw ProblemException.invalidField("not-in-subtree", "children[" + i + "].orgUnitCode",
                        "'" + share.orgUnitCode() + "' is not a unit below " + context.root().code);
            }
            Period period = share.period() == null ? whole : TargetService.period(share.period(), "children[" + i + "].period");
            boolean part = !period.id().equals(whole.id());
            if (part && (PeriodParts.Kind.of(period) == PeriodParts.Kind.OTHER || period.start().isBefore(whole.start())
                    || period.end().isAfter(whole.end()))) {
                throw ProblemException.invalidField("not-a-part-of-the-period", "children[" + i + "].period",
                        "'" + period.id() + "' is not a quarter or month of " + whole.id());
            }
            if (!part && unit.code.equals(context.root().code)) {
                throw ProblemException.invalidField("cascade-onto-itself", "children[" + i + "].orgUnitCode",
                        "this is the target being cascaded; set it with POST /api/v1/targets");
            }
            if (seen.put(unit.code + "/" + period.id(), i) != null) {
                throw ProblemException.badRequest("duplicate-child", "children[" + i + "].orgUnitCode",
                        "'" + unit.code + "' in " + period.id() + " is named twice");
            }
            planned.add(new Planned(i, unit, period));
        }
        // Parents before children, the whole before its parts, so each new target can name the one it came from.
        planned.sort(Comparator.comparing((Planned p) -> p.period().end().toEpochDay() - p.period().start().toEpochDay())
                .reversed().thenComparing(p -> p.period().start()).thenComparing(p -> p.unit().path.length()));
        Map<String, UUID> written = new HashMap<>();
        List<TargetView> made = new ArrayList<>();
        for (Planned p : planned) {
            String field = "children[" + p.index() + "]";
            TargetWriter.requireSetter(context.caller(), p.unit(), field + ".orgUnitCode");
            UUID from = p.unit().code.equals(context.root().code) ? context.parent().id
                    : written.getOrDefault(p.unit().parentCode + "/" + p.period().id(),
                            p.period().id().equals(whole.id()) && context.root().code.equals(p.unit().parentCode)
                                    ? context.parent().id : null);
            TargetView view = writer.write(context.indicator(), p.unit(), p.period(),
                    request.children().get(p.index()).value(), context.effectiveFrom(), from, context.caller().name(),
                    field + ".value").target();
            written.put(p.unit().code + "/" + p.period().id(), view.id());
            made.add(view);
        }
        made.sort(Comparator.comparing((TargetView v) -> seen.get(v.orgUnitCode() + "/" + v.period())));
        return made;
    }

    private List<TargetView> byRule(Context context, CascadeRequest request) {
        CascadeRequest.Rule rule = request.ruleOrDefault();
        if (context.indicator().aggregationType != AggregationType.SUM) {
            throw ProblemException.invalidField("rule-needs-a-count", "rule", context.indicator().code + " is aggregated "
                    + "by " + context.indicator().aggregationType + ": only counted (SUM) targets can be shared out "
                    + "by " + rule + "; give each unit's figure BY_HAND");
        }
        if (request.children() != null && !request.children().isEmpty()) {
            throw ProblemException.badRequest("figures-only-by-hand", "children", "figures are for BY_HAND only");
        }
        int levels = request.levels() == null ? 1 : request.levels();
        Period whole = context.whole();
        List<TargetView> made = new ArrayList<>();
        Map<Period, Share> tops = new java.util.LinkedHashMap<>();
        tops.put(whole, new Share(context.root(), context.parent().value, context.parent().id));
        if (request.splitPeriodInto() != null) {
            List<Period> parts = PeriodParts.of(whole, request.splitPeriodInto());
            if (parts.isEmpty()) {
                throw ProblemException.invalidField("period-has-no-such-parts", "splitPeriodInto",
                        whole.id() + " does not split into " + request.splitPeriodInto() + "s");
            }
            List<BigDecimal> weights = rule == CascadeRequest.Rule.EVEN ? even(parts.size())
                    : parts.stream().map(part -> lastYear(context.indicator(), List.of(context.root()), part).get(0))
                            .toList();
            requireSomething(weights, context.root().code + "'s " + whole.id() + " by " + request.splitPeriodInto()
                    + "s");
            List<BigDecimal> shares = LargestRemainder.split(context.parent().value, weights);
            for (int i = 0; i < parts.size(); i++) {
                TargetWriter.requireSetter(context.caller(), context.root(), "splitPeriodInto");
                TargetView view = writer.write(context.indicator(), context.root(), parts.get(i), shares.get(i),
                        context.effectiveFrom(), context.parent().id, context.caller().name(), "splitPeriodInto").target();
                made.add(view);
                tops.put(parts.get(i), new Share(context.root(), shares.get(i), view.id()));
            }
        }
        for (Map.Entry<Period, Share> top : tops.entrySet()) {
            Period period = top.getKey();
            List<Share> frontier = List.of(top.getValue());
            for (int level = 1; level <= levels && !frontier.isEmpty(); level++) {
                List<Share> next = new ArrayList<>();
                for (Share above : frontier) {
                    List<KnownOrgUnit> children = openChildren(above.unit(), period);
                    if (children.isEmpty()) {
                        continue;
                    }
                    List<BigDecimal> weights = rule == CascadeRequest.Rule.EVEN ? even(children.size())
                            : lastYear(context.indicator(), children, period);
                    requireSomething(weights, "the children of " + above.unit().code + " in " + period.id());
                    List<BigDecimal> shares = LargestRemainder.split(above.value(), weights);
                    for (int i = 0; i < children.size(); i++) {
                        TargetWriter.requireSetter(context.caller(), children.get(i), "levels");
                        TargetView view = writer.write(context.indicator(), children.get(i), period, shares.get(i),
                                context.effectiveFrom(), above.targetId(), context.caller().name(), "levels").target();
                        made.add(view);
                        next.add(new Share(children.get(i), shares.get(i), view.id()));
                    }
                }
                frontier = next;
            }
        }
        return made;
    }

    private record Share(KnownOrgUnit unit, BigDecimal value, UUID targetId) {
    }

    private static List<KnownOrgUnit> openChildren(KnownOrgUnit unit, Period period) {
        return TargetFamilyRule.directChildren(unit.path).stream()
                .filter(below -> below.validTo == null || !below.validTo.isBefore(period.start()))
                .toList();
    }

    private static List<BigDecimal> even(int count) {
        return java.util.Collections.nCopies(count, BigDecimal.ONE);
    }

    /** Each unit's actual value (its whole subtree) over the same days a year earlier; 0 when it had none. */
    private List<BigDecimal> lastYear(Indicator indicator, List<KnownOrgUnit> units, Period period) {
        Period earlier = new Period(period.id() + "-1y", period.start().minusYears(1), period.end().minusYears(1));
        List<UnitRef> refs = units.stream().map(u -> new UnitRef(u.code, u.name, u.levelCode, u.path)).toList();
        List<IndicatorValue> actual = values.compute(List.of(CompiledIndicator.of(indicator)), refs, earlier, Filters.ALL);
        return actual.stream().map(value -> value.value() == null || value.value() < 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(value.value())).toList();
    }

    /** By last year's shares with nothing last year: refused rather than silently shared evenly. */
    private static void requireSomething(List<BigDecimal> weights, String what) {
        if (weights.stream().noneMatch(weight -> weight.signum() > 0)) {
            throw ProblemException.invalidField("no-actuals-last-year", "rule", "no actual values a year earlier for "
                    + what + " to share by; use EVEN or BY_HAND");
        }
    }
}
