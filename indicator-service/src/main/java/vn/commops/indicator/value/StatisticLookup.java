package vn.commops.indicator.value;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import vn.commops.indicator.period.Period;
import vn.commops.indicator.rollup.Like;

/**
 * A reported statistic's value for a unit and period. Statistics are levels (population, participants),
 * so the figure for a period is, in order: the one reported for exactly that period; else the one of the
 * shortest reported period containing it (a year's population for a month); else the latest reported
 * within it; else the sum of what the units directly below reported for exactly that period.
 */
@ApplicationScoped
public class StatisticLookup {

    private final EntityManager entityManager;

    StatisticLookup(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The value, or null when nothing was reported. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Double value(String unitCode, String unitPath, String element, Period period) {
        List<?> own = entityManager.createNativeQuery("""
                select value from reported_statistic
                where org_unit_code = :unit and data_element_code = :element
                  and ((period_start <= :start and period_end >= :end) or (period_start >= :start and period_end <= :end))
                order by (period_id = :period) desc,
                         (period_start <= :start and period_end >= :end) desc,
                         case when period_start <= :start and period_end >= :end then period_end - period_start end asc,
                         period_end desc
                limit 1
                """)
                .setParameter("unit", unitCode).setParameter("element", element).setParameter("period", period.id())
                .setParameter("start", period.start()).setParameter("end", period.end())
                .getResultList();
        if (!own.isEmpty()) {
            return ((BigDecimal) own.get(0)).doubleValue();
        }
        if (unitPath == null) {
            return null;
        }
        Object below = entityManager.createNativeQuery("""
                select sum(value) from reported_statistic
                where data_element_code = :element and period_id = :period
                  and org_unit_path like :pattern escape '\\'
                  and length(org_unit_path) - length(replace(org_unit_path, '/', '')) = :childSlashes
                """)
                .setParameter("element", element).setParameter("period", period.id())
                .setParameter("pattern", Like.prefix(unitPath))
                .setParameter("childSlashes", unitPath.chars().filter(c -> c == '/').count() + 1)
                .getSingleResult();
        return below == null ? null : ((BigDecimal) below).doubleValue();
    }
}
