package vn.commops.indicator.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each unit's history rolls up now. An activity counts under its unit's placement, which differs
 * from the path on the event once the unit was moved or merged after the activity was recorded.
 */
@ApplicationScoped
public class UnitPlacements {

    private final EntityManager entityManager;

    UnitPlacements(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> pathOf(String code) {
        List<?> paths = entityManager.createNativeQuery("select path from unit_placement where code = :code")
                .setParameter("code", code).getResultList();
        return paths.isEmpty() ? Optional.empty() : Optional.of((String) paths.get(0));
    }

    /**
     * The placements of these units (code to the path seen with it); a unit seen for the first time is
     * placed where it was seen.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> placeAll(Map<String, String> pathsSeen) {
        Map<String, String> placed = new HashMap<>();
        if (pathsSeen.isEmpty()) {
            return placed;
        }
        List<?> rows = entityManager.createNativeQuery(
                "select code, path from unit_placement where code = any(cast(:codes as text[]))")
                .setParameter("codes", PgArrays.of(pathsSeen.keySet())).getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            placed.put((String) row[0], (String) row[1]);
        }
        List<String> newCodes = pathsSeen.keySet().stream().filter(code -> !placed.containsKey(code)).toList();
        if (!newCodes.isEmpty()) {
            List<String> newPaths = newCodes.stream().map(pathsSeen::get).toList();
            entityManager.createNativeQuery("insert into unit_placement (code, path, updated_at) select code, path, now() "
                    + "from unnest(cast(:codes as text[]), cast(:paths as text[])) as n(code, path) "
                    + "on conflict (code) do nothing")
                    .setParameter("codes", PgArrays.of(newCodes)).setParameter("paths", PgArrays.of(newPaths))
                    .executeUpdate();
            for (int i = 0; i < newCodes.size(); i++) {
                placed.put(newCodes.get(i), newPaths.get(i));
            }
        }
        return placed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void place(String code, String path, String successorCode, LocalDate effectiveDate) {
        entityManager.createNativeQuery("""
                insert into unit_placement (code, path, successor_code, effective_date, updated_at)
                values (:code, :path, :successor, :effective, :now)
                on conflict (code) do update set path = excluded.path,
                    successor_code = coalesce(excluded.successor_code, unit_placement.successor_code),
                    effective_date = coalesce(excluded.effective_date, unit_placement.effective_date),
                    updated_at = excluded.updated_at
                """)
                .setParameter("code", code).setParameter("path", path).setParameter("successor", successorCode)
                .setParameter("effective", effectiveDate).setParameter("now", OffsetDateTime.now())
                .executeUpdate();
    }

    /** Every unit placed under the old prefix is placed under the new one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void repath(String oldPrefix, String newPrefix) {
        entityManager.createNativeQuery("update unit_placement set path = :new || substr(path, length(:old) + 1), "
                + "updated_at = now() where path like :pattern escape '\\'")
                .setParameter("old", oldPrefix).setParameter("new", newPrefix)
                .setParameter("pattern", Like.prefix(oldPrefix))
                .executeUpdate();
    }
}
