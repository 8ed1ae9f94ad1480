package vn.commops.indicator.value;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;

/** Resolves a unit and a scope to the units of the replica that a query reports on. */
@ApplicationScoped
public class OrgUnits {

    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitRef require(String code, String field) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest("missing-org-unit", field, "must not be blank");
        }
        KnownOrgUnit unit = KnownOrgUnit.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("Org unit", code);
        }
        return of(unit);
    }

    /** The units in scope that existed at some time from {@code from} on, by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitRef> inScope(UnitRef root, UnitScope scope, String level, LocalDate from) {
        if (scope == UnitScope.SELF) {
            return List.of(root);
        }
        if (scope == UnitScope.LEVEL && (level == null || level.isBlank())) {
            throw ProblemException.badRequest("missing-level", "level", "scope LEVEL needs the level, e.g. PROVINCE");
        }
        // LIKE reads '_' in codes as a wildcard: the prefix check in Java keeps exactly the subtree.
        List<UnitRef> below = KnownOrgUnit.<KnownOrgUnit>list("path like ?1 and (validTo is null or validTo >= ?2)",
                Sort.by("code"), root.path() + "%", from)
                .stream().filter(unit -> unit.path.startsWith(root.path())).map(OrgUnits::of).toList();
        return switch (scope) {
            case CHILDREN -> below.stream().filter(unit -> unit.depth() == root.depth() + 1).toList();
            case SUBTREE -> below;
            case LEVEL -> below.stream().filter(unit -> level.equals(unit.levelCode())).toList();
            case SELF -> List.of(root);
        };
    }

    private static UnitRef of(KnownOrgUnit unit) {
        return new UnitRef(unit.code, unit.name, unit.levelCode, unit.path);
    }
}
