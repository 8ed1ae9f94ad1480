package vn.commops.indicator.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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

    /** The unit's placement; the first time a unit is seen, the path it came with becomes its placement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String placeOf(String code, String pathSeen) {
        Optional<String> known = pathOf(code);
        if (known.isPresent()) {
            return known.get();
        }
        place(code, pathSeen, null, null);
        return pathSeen;
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
