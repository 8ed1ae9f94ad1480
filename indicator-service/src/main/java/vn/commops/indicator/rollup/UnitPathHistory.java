package vn.commops.indicator.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each unit hung from each effective date on, kept from plan-service's org-unit events (which carry
 * the unit's path and the date the change takes effect). Answers "where did this unit hang on that day" for
 * the as-was totals; a later event for the same date replaces the earlier (a redelivery changes nothing).
 */
@ApplicationScoped
public class UnitPathHistory {

    private final EntityManager entityManager;

    UnitPathHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String code, String path, LocalDate effectiveFrom) {
        entityManager.createNativeQuery("insert into unit_path_history (code, effective_from, path) "
                + "values (:code, :from, :path) on conflict (code, effective_from) do update set path = excluded.path")
                .setParameter("code", code).setParameter("from", effectiveFrom).setParameter("path", path)
                .executeUpdate();
    }

    /** A unit and a day: the key of {@link #pathsOn}. */
    public record UnitDay(String code, LocalDate day) {
    }

    /** The path each unit had on each day, for those the history knows of then; in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UnitDay, String> pathsOn(List<UnitDay> asked) {
        Map<UnitDay, String> paths = new HashMap<>();
        if (asked.isEmpty()) {
            return paths;
        }
        List<String> codes = new ArrayList<>();
        List<String> days = new ArrayList<>();
        asked.forEach(unitDay -> {
            codes.add(unitDay.code());
            days.add(unitDay.day().toString());
        });
        List<?> rows = entityManager.createNativeQuery("select q.code, q.day, (select h.path from unit_path_history h "
                + "where h.code = q.code and h.effective_from <= q.day order by h.effective_from desc limit 1) "
                + "from unnest(cast(:codes as text[]), cast(:days as date[])) as q(code, day)")
                .setParameter("codes", PgArrays.of(codes)).setParameter("days", PgArrays.of(days))
                .getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            if (row[2] != null) {
                paths.put(new UnitDay((String) row[0], (LocalDate) row[1]), (String) row[2]);
            }
        }
        return paths;
    }
}
