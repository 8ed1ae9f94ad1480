package vn.commops.indicator.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.commops.common.problem.ProblemException;
import vn.commops.indicator.value.Hierarchy;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.indicator.period.Period;

@ApplicationScoped
public class ActivityTotalsService {

    private final UnitDayTotals totals;

    ActivityTotalsService(UnitDayTotals totals) {
        this.totals = totals;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ActivityTotalsView totals(String orgUnitCode, String periodId, Hierarchy hierarchy) {
        Period period;
        try {
            period = Period.parse(periodId);
        } catch (Period.InvalidPeriodException e) {
            throw ProblemException.badRequest("invalid-period", "period", e.getMessage());
        }
        if (KnownOrgUnit.findById(orgUnitCode) == null) {
            throw ProblemException.notFound("Org unit", orgUnitCode);
        }
        UnitDayTotals.Sums sums = totals.sum(orgUnitCode, period.start(), period.end(), hierarchy == Hierarchy.AS_WAS);
        return new ActivityTotalsView(orgUnitCode, period.id(), period.start(), period.end(), sums.activities(),
                sums.attendance());
    }
}
