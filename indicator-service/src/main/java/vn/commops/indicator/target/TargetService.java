package vn.commops.indicator.target;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.indicator.indicator.AggregationType;
import vn.commops.indicator.indicator.Decimals;
import vn.commops.indicator.indicator.Indicator;
import vn.commops.indicator.period.AgencyCalendar;
import vn.commops.indicator.period.Period;

/**
 * Targets per indicator, unit and period, versioned by effective date, and their cascade from a unit to
 * its direct children. A retried write with the same natural key and value answers the version it made.
 */
@ApplicationScoped
public class TargetService {

    private final AgencyCalendar calendar;
    private final TargetsInForce inForce;

    TargetService(AgencyCalendar calendar, TargetsInForce inForce) {
        this.calendar = calendar;
        this.inForce = inForce;
    }

    public record Saved(TargetView target, boolean created) {
    }

    @Transactional
    public Saved set(TargetRequest request, Caller caller) {
        Indicator indicator = Indicator.findById(request.indicatorCode());
        if (indicator == null) {
            throw ProblemException.invalidField("unknown-indicator", "indicatorCode",
                    "no indicator '" + request.indicatorCode() + "'");
        }
        KnownOrgUnit unit = KnownOrgUnit.findById(request.orgUnitCode());
        if (unit == null) {
            throw ProblemException.invalidField("unknown-org-unit", "orgUnitCode",
                    "no org unit '" + request.orgUnitCode() + "'");
        }
        caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        Period period = period(request.period(), "period");
        LocalDate effectiveFrom = request.effectiveFrom() == null ? calendar.today() : request.effectiveFrom();
        return version(indicator.code, unit, period, request.value(), effectiveFrom, null, caller.name(),
                "effectiveFrom");
    }

    @Transactional
    public List<TargetView> cascade(UUID parentId, CascadeRequest request, Caller caller) {
        Target parent = Target.<Target>findByIdOptional(parentId)
                .orElseThrow(() -> ProblemException.notFound("Target", parentId.toString()));
        caller.requireUnit(parent.orgUnitCode, parent.orgUnitPath, "id");
        LocalDate effectiveFrom = request.effectiveFrom() == null ? parent.effectiveFrom : request.effectiveFrom();
        List<KnownOrgUnit> children = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < request.children().size(); i++) {
            String code = request.children().get(i).orgUnitCode();
            KnownOrgUnit child = KnownOrgUnit.findById(code);
            if (child == null || !child.path.equals(parent.orgUnitPath + code + "/")) {
                throw ProblemException.invalidField("not-a-child", "children[" + i + "].orgUnitCode",
                        "'" + code + "' is not a direct child of " + parent.orgUnitCode);
            }
            if (!named.add(code)) {
                throw ProblemException.badRequest("duplicate-child", "children[" + i + "].orgUnitCode",
                        "'" + code + "' is named twice");
            }
            children.add(child);
        }
        Indicator indicator = Indicator.findById(parent.indicatorCode);
        if (indicator.aggregationType == AggregationType.SUM) {
            checkWithinParent(parent, request, named, effectiveFrom);
        }
        Period period = new Period(parent.periodId, parent.periodStart, parent.periodEnd);
        List<TargetView> made = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            made.add(version(parent.indicatorCode, children.get(i), period, request.children().get(i).value(),
                    effectiveFrom, parent.id, caller.name(), "children[" + i + "]").target());
        }
        return made;
    }

    /** Counts are shared out: the children, with the other children's targets then in force, must fit the parent's. */
    private void checkWithinParent(Target parent, CascadeRequest request, Set<String> named, LocalDate effectiveFrom) {
        BigDecimal total = request.children().stream().map(CascadeRequest.Share::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<KnownOrgUnit> siblings = KnownOrgUnit.list("path like ?1", parent.orgUnitPath + "%");
        BigDecimal others = BigDecimal.ZERO;
        for (KnownOrgUnit sibling : siblings) {
            boolean directChild = sibling.path.equals(parent.orgUnitPath + sibling.code + "/");
            if (directChild && !named.contains(sibling.code)) {
                others = others.add(inForce.on(parent.indicatorCode, sibling.code, parent.periodId, effectiveFrom)
                        .map(target -> target.value).orElse(BigDecimal.ZERO));
            }
        }
        BigDecimal all = total.add(others);
        if (all.compareTo(parent.value) > 0) {
            String message = "the children's targets add up to " + Decimals.plain(all).toPlainString()
                    + (others.signum() > 0 ? " (" + Decimals.plain(others).toPlainString() + " already set for others)" : "")
                    + ", over " + parent.orgUnitCode + "'s target of " + Decimals.plain(parent.value).toPlainString()
                    + " by " + Decimals.plain(all.subtract(parent.value)).toPlainString();
            throw new ProblemException(400, "target-overrun", "Children exceed the parent's target", message,
                    List.of(new Problem.FieldError("children", message)));
        }
    }

    private Saved version(String indicatorCode, KnownOrgUnit unit, Period period, BigDecimal value,
            LocalDate effectiveFrom, UUID parentId, String user, String field) {
        Optional<Target> same = Target.find("indicatorCode = ?1 and orgUnitCode = ?2 and periodId = ?3 "
                + "and effectiveFrom = ?4", indicatorCode, unit.code, period.id(), effectiveFrom).firstResultOptional();
        if (same.isPresent()) {
            if (same.get().value.compareTo(value) == 0) {
                return new Saved(TargetView.of(same.get()), false);
            }
            throw ProblemException.conflict("target-version-exists", field + ": a target of " + indicatorCode
                    + " for " + unit.code + " in " + period.id() + " already takes effect on " + effectiveFrom
                    + "; give the new version another effectiveFrom");
        }
        long versions = Target.count("indicatorCode = ?1 and orgUnitCode = ?2 and periodId = ?3", indicatorCode,
                unit.code, period.id());
        Target target = new Target();
        target.id = UUID.randomUUID();
        target.indicatorCode = indicatorCode;
        target.orgUnitCode = unit.code;
        target.orgUnitPath = unit.path;
        target.periodId = period.id();
        target.periodStart = period.start();
        target.periodEnd = period.end();
        target.value = value;
        target.effectiveFrom = effectiveFrom;
        target.version = (int) versions + 1;
        target.parentTargetId = parentId;
        target.createdBy = user == null ? "unknown" : user;
        target.createdAt = OffsetDateTime.now();
        target.persist();
        return new Saved(TargetView.of(target), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TargetView get(UUID id) {
        return TargetView.of(Target.<Target>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Target", id.toString())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<TargetView> list(String indicator, String orgUnit, String period, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (indicator != null) {
            parameters.add(indicator);
            where.append(" and indicatorCode = ?").append(parameters.size());
        }
        if (orgUnit != null) {
            parameters.add(orgUnit);
            where.append(" and orgUnitCode = ?").append(parameters.size());
        }
        if (period != null) {
            parameters.add(period);
            where.append(" and periodId = ?").append(parameters.size());
        }
        var query = Target.<Target>find(where.toString(),
                Sort.by("indicatorCode").and("orgUnitCode").and("periodStart").and("version"), parameters.toArray());
        List<TargetView> items = query.page(paging.page, paging.size).list().stream().map(TargetView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    private static Period period(String id, String field) {
        try {
            return Period.parse(id);
        } catch (Period.InvalidPeriodException e) {
            throw ProblemException.badRequest("invalid-period", field, e.getMessage());
        }
    }
}
