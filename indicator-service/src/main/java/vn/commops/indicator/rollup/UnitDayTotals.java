package vn.commops.indicator.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/** The rolled-up day totals: adding to them, and summing them over a period. */
@ApplicationScoped
public class UnitDayTotals {

    private final EntityManager entityManager;

    UnitDayTotals(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(List<String> unitCodes, LocalDate day, long activities, long attendance) {
        for (String code : unitCodes) {
            entityManager.createNativeQuery("""
                    insert into unit_day_total (org_unit_code, day, activities, attendance)
                    values (:code, :day, :activities, :attendance)
                    on conflict (org_unit_code, day) do update
                    set activities = unit_day_total.activities + excluded.activities,
                        attendance = unit_day_total.attendance + excluded.attendance
                    """)
                    .setParameter("code", code)
                    .setParameter("day", day)
                    .setParameter("activities", activities)
                    .setParameter("attendance", attendance)
                    .executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Sums sum(String unitCode, LocalDate from, LocalDate to) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select coalesce(sum(activities), 0), coalesce(sum(attendance), 0)
                from unit_day_total where org_unit_code = :code and day between :from and :to
                """)
                .setParameter("code", unitCode)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        return new Sums(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    public record Sums(long activities, long attendance) {
    }
}
