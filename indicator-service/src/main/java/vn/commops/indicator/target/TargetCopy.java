package vn.commops.indicator.target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.indicator.indicator.AggregationType;
import vn.commops.indicator.indicator.Indicator;
import vn.commops.indicator.period.Period;

/**
 * Next period's targets start as a copy of this one's: every target of a subtree in a period (and in its
 * quarters and months), as in force at the period's end, copied to the period as many months later. A
 * unit that has since closed hands its counted targets to its successor, where they add to the successor's
 * own (the successor now serves both areas);
 * what cannot be copied is listed with the reason. plan-service's clone points here: targets are
 * indicator-service's to write, under the setter's rights and the rule, which a plan clone cannot check.
 */
@ApplicationScoped
public class TargetCopy {

    private final TargetWriter writer;
    private final TargetsInForce inForce;

    TargetCopy(TargetWriter writer, TargetsInForce inForce) {
        this.writer = writer;
        this.inForce = inForce;
    }

    @Schema(name = "TargetCopyRequest", description = "Copy a subtree's targets from a period to another of its kind")
    public record Request(
            @NotBlank @Schema(description = "A year, quarter or month", examples = "202405") String fromPeriod,
            @NotBlank @Schema(description = "A period of the same kind", examples = "202406") String toPeriod,
            @NotBlank @Schema(description = "The subtree whose targets are copied", examples = "LC") String orgUnitCode,
            @Schema(description = "From when the copies are in force; the first day of toPeriod when absent",
                    examples = "2024-06-01") LocalDate effectiveFrom) {
    }

    @Schema(name = "TargetCopyResult")
    public record Result(List<TargetView> copied, List<Mapped> mapped, List<Dropped> dropped) {
    }

    @Schema(name = "TargetCopyMapped", description = "A closed unit's target copied to its successor")
    public record Mapped(@Schema(examples = "NEW_HI_PARTICIPANTS") String indicatorCode,
            @Schema(examples = "202406") String period, @Schema(examples = "HG") String from,
            @Schema(examples = "TQ") String to) {
    }

    @Schema(name = "TargetCopyDropped", description = "A target not copied, and why")
    public record Dropped(@Schema(examples = "NEW_HI_PARTICIPANTS") String indicatorCode,
            @Schema(examples = "LC-HOPHAI") String orgUnitCode, @Schema(examples = "202406") String period,
            @Schema(examples = "the unit closed and has no successor") String reason) {
    }

    private record Copy(Indicator indicator, KnownOrgUnit unit, Period period, BigDecimal value) {
    }

    @Transactional
    public Result copy(Request request, Caller caller) {
        Period from = TargetService.period(request.fromPeriod(), "fromPeriod");
        Period to = TargetService.period(request.toPeriod(), "toPeriod");
        PeriodParts.Kind kind = PeriodParts.Kind.of(from);
        if (kind == PeriodParts.Kind.OTHER || kind != PeriodParts.Kind.of(to)) {
            throw ProblemException.invalidField("periods-not-alike", "toPeriod", "copy from a year, quarter or month "
                    + "to another of the same kind (" + from.id() + " → " + to.id() + ")");
        }
        KnownOrgUnit root = KnownOrgUnit.findById(request.orgUnitCode());
        if (root == null) {
            throw ProblemException.invalidField("unknown-org-unit", "orgUnitCode", "no org unit '"
                    + request.orgUnitCode() + "'");
        }
        caller.requireUnit(root.code, root.path, "orgUnitCode");
        long months = PeriodParts.monthsBetween(from, to);
        LocalDate effectiveFrom = request.effectiveFrom() == null ? to.start() : request.effectiveFrom();
        List<Target> sources = Target.list("orgUnitPath like ?1 and periodStart >= ?2 and periodEnd <= ?3",
                root.path + "%", from.start(), from.end());
        Map<String, Target> latest = new LinkedHashMap<>();
        for (Target target : sources) {
            latest.putIfAbsent(TargetsInForce.key(target.indicatorCode, target.orgUnitCode) + "/" + target.periodId,
                    inForce.on(target.indicatorCode, target.orgUnitCode, target.periodId, from.end()).orElseThrow());
        }
        List<Mapped> mapped = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        Map<String, Copy> copies = new LinkedHashMap<>();
        for (Target source : latest.values()) {
            Period period = Period.parse(source.periodId);
            Period next = PeriodParts.Kind.of(period) == PeriodParts.Kind.OTHER ? null
                    : PeriodParts.shifted(period, months).orElse(null);
            if (next == null) {
                dropped.add(new Dropped(source.indicatorCode, source.orgUnitCode, source.periodId,
                        "only years, quarters and months are copied"));
                continue;
            }
            Indicator indicator = Indicator.findById(source.indicatorCode);
            KnownOrgUnit unit = successorOn(source.orgUnitCode, next.start());
            if (unit == null) {
                dropped.add(new Dropped(source.indicatorCode, source.orgUnitCode, source.periodId,
                        "the unit has closed with no successor"));
                continue;
            }
            String key = indicator.code + "/" + unit.code + "/" + period.id();
            if (!unit.code.equals(source.orgUnitCode)) {
                if (indicator.aggregationType != AggregationType.SUM) {
                    dropped.add(new Dropped(source.indicatorCode, source.orgUnitCode, source.periodId, "the unit has "
                            + "closed into " + unit.code + "; a " + indicator.aggregationType + " target does not add up "
                            + "with others: set " + unit.code + "'s by hand"));
                    continue;
                }
                mapped.add(new Mapped(source.indicatorCode, source.periodId, source.orgUnitCode, unit.code));
            }
            Copy before = copies.get(key);
            copies.put(key, new Copy(indicator, unit, next, before == null ? source.value : before.value().add(source.value)));
        }
        List<Copy> ordered = new ArrayList<>(copies.values());
        // The whole before its parts, parents before children: each version is checked against the rule as written.
        ordered.sort(Comparator.comparing((Copy c) -> c.period().end().toEpochDay() - c.period().start().toEpochDay())
                .reversed().thenComparing(c -> c.period().start()).thenComparing(c -> c.unit().path.length())
                .thenComparing(c -> c.unit().code).thenComparing(c -> c.indicator().code));
        List<TargetView> copied = new ArrayList<>();
        for (Copy copy : ordered) {
            if (Target.count("indicatorCode = ?1 and orgUnitCode = ?2 and periodId = ?3", copy.indicator().code,
                    copy.unit().code, copy.period().id()) > 0) {
                dropped.add(new Dropped(copy.indicator().code, copy.unit().code, copy.period().id(),
                        "has a target in " + copy.period().id() + " already"));
                continue;
            }
            TargetWriter.requireSetter(caller, copy.unit(), "orgUnitCode");
            copied.add(writer.write(copy.indicator(), copy.unit(), copy.period(), copy.value(), effectiveFrom, null,
                    caller.name(), "toPeriod").target());
        }
        return new Result(copied, mapped, dropped);
    }

    /** The unit itself while open on the day, else its successor's successor… (at most 20 hops); null if none. */
    private static KnownOrgUnit successorOn(String code, LocalDate day) {
        KnownOrgUnit unit = KnownOrgUnit.findById(code);
        for (int hop = 0; unit != null && hop < 20; hop++) {
            if (unit.validTo == null || !unit.validTo.isBefore(day)) {
                return unit;
            }
            unit = unit.successorCode == null ? null : KnownOrgUnit.findById(unit.successorCode);
        }
        return null;
    }
}
