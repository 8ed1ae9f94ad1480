package vn.commops.indicator.target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.indicator.indicator.Decimals;

/**
 * Targets that add up: for a counted indicator and one period, the targets of a unit's direct children
 * add up to no more than the unit's own, on every day. Targets are versioned by effective date, so the
 * family is checked on every date a version of the parent or of a child takes effect (between those dates
 * nothing changes). A family whose parent has no target is not bound.
 */
@ApplicationScoped
public class TargetFamilyRule {

    /** Refuses with 422 naming the field when the version just written breaks its parent's family or its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(String indicatorCode, String periodId, KnownOrgUnit unit, String field) {
        String parentPath = TargetWriter.parentPath(unit.path);
        if (parentPath != null) {
            String parentCode = unit.parentCode != null ? unit.parentCode
                    : parentPath.substring(parentPath.lastIndexOf('/', parentPath.length() - 2) + 1, parentPath.length() - 1);
            checkFamily(indicatorCode, periodId, parentCode, parentPath, field);
        }
        checkFamily(indicatorCode, periodId, unit.code, unit.path, field);
    }

    private void checkFamily(String indicatorCode, String periodId, String parentCode, String parentPath, String field) {
        List<String> children = directChildren(parentPath).stream().map(unit -> unit.code).toList();
        if (children.isEmpty()) {
            return;
        }
        List<String> family = new ArrayList<>(children);
        family.add(parentCode);
        List<Target> versions = Target.list("indicatorCode = ?1 and periodId = ?2 and orgUnitCode in ?3",
                TargetsInForce.ORDER, indicatorCode, periodId, family);
        if (versions.stream().noneMatch(version -> version.orgUnitCode.equals(parentCode))) {
            return;
        }
        TreeSet<LocalDate> changes = new TreeSet<>();
        versions.forEach(version -> changes.add(version.effectiveFrom));
        for (LocalDate day : changes) {
            Map<String, Target> targets = TargetsInForce.inForce(versions, day);
            BigDecimal parent = targets.get(TargetsInForce.key(indicatorCode, parentCode)).value;
            BigDecimal sum = BigDecimal.ZERO;
            for (String child : children) {
                Target target = targets.get(TargetsInForce.key(indicatorCode, child));
                sum = target == null ? sum : sum.add(target.value);
            }
            if (sum.compareTo(parent) > 0) {
                String message = "the targets of " + parentCode + "'s children for " + indicatorCode + " in "
                        + periodId + " add up to " + Decimals.plain(sum).toPlainString() + " from " + day + ", over "
                        + parentCode + "'s target of " + Decimals.plain(parent).toPlainString() + " by "
                        + Decimals.plain(sum.subtract(parent)).toPlainString();
                throw new ProblemException(422, "target-exceeds-parent", "Children's targets exceed the parent's",
                        field + ": " + message, List.of(new Problem.FieldError(field, message)));
            }
        }
    }

    /**
     * The units one level below the path: their path is the parent's and one code more. The second pattern
     * keeps a national family from loading the whole country's replica.
     */
    static List<KnownOrgUnit> directChildren(String parentPath) {
        return KnownOrgUnit.<KnownOrgUnit>list("path like ?1 and path not like ?2 order by code", parentPath + "%",
                parentPath + "%/%/").stream().filter(below -> below.path.equals(parentPath + below.code + "/")).toList();
    }
}
