package vn.commops.indicator.target;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.indicator.indicator.Indicator;
import vn.commops.indicator.period.AgencyCalendar;
import vn.commops.indicator.period.Period;

/**
 * Targets per indicator, unit and period, versioned by effective date. A retried write with the same natural
 * key and value answers the version it made. Every write goes through {@link TargetWriter}.
 */
@ApplicationScoped
public class TargetService {

    private final AgencyCalendar calendar;
    private final TargetWriter writer;

    TargetService(AgencyCalendar calendar, TargetWriter writer) {
        this.calendar = calendar;
        this.writer = writer;
    }

    @Transactional
    public TargetWriter.Saved set(TargetRequest request, Caller caller) {
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
        TargetWriter.requireSetter(caller, unit, "orgUnitCode");
        Period period = period(request.period(), "period");
        LocalDate effectiveFrom = request.effectiveFrom() == null ? calendar.today() : request.effectiveFrom();
        return writer.write(indicator, unit, period, request.value(), effectiveFrom, null, caller.name(), "value");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TargetView get(UUID id) {
        return TargetView.of(Target.<Target>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Target", id.toString())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<TargetView> list(String indicator, String orgUnit, String period, PageRequest paging) {
        PanacheQuery<Target> query = query(indicator, orgUnit, period);
        List<TargetView> items = query.page(paging.page, paging.size).list().stream().map(TargetView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query unpaged, for an export: the same filters and order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Target> query(String indicator, String orgUnit, String period) {
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
        return Target.find(where.toString(),
                Sort.by("indicatorCode").and("orgUnitCode").and("periodStart").and("version"), parameters.toArray());
    }

    static Period period(String id, String field) {
        try {
            return Period.parse(id);
        } catch (Period.InvalidPeriodException e) {
            throw ProblemException.badRequest("invalid-period", field, e.getMessage());
        }
    }
}
