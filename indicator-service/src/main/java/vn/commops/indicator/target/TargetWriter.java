package vn.commops.indicator.target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.indicator.indicator.AggregationType;
import vn.commops.indicator.indicator.Indicator;
import vn.commops.indicator.period.Period;

/**
 * The one way a target version is written, by a set, a cascade or a copy alike: who may set it (the
 * managers of the unit's parent), the parent-children rule checked under a lock on both families the
 * version belongs to, the version itself, and its event.
 */
@ApplicationScoped
public class TargetWriter {

    static final String TOPIC = "targets";
    static final String SET = "target.set";

    private final EntityManager entityManager;
    private final TargetFamilyRule rule;
    private final EventPublisher events;

    TargetWriter(EntityManager entityManager, TargetFamilyRule rule, EventPublisher events) {
        this.entityManager = entityManager;
        this.rule = rule;
        this.events = events;
    }

    public record Saved(TargetView target, boolean created) {
    }

    /**
     * A unit's target is its parent's to set: a unit manager may set the targets of the units strictly below
     * a unit granted to them, never their own unit's; only a national admin sets the root's.
     */
    public static void requireSetter(Caller caller, KnownOrgUnit unit, String field) {
        if (caller.isNationalAdmin()) {
            return;
        }
        String parentPath = parentPath(unit.path);
        if (parentPath == null || !caller.mayActOn(parentPath)) {
            String why = parentPath == null ? "only a national admin sets the targets of the top unit"
                    : "a unit's target is set by the managers of its parent unit; " + unit.code
                            + "'s parent is not among your granted units";
            throw new ProblemException(403, "target-setter-not-parent-manager", "Not allowed to set this target",
                    "You may not set the target of org unit '" + unit.code + "': " + why,
                    List.of(new Problem.FieldError(field, why)));
        }
    }

    /** Adds a version, or answers the same one again for a retry; refuses a version the rule does not allow. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Saved write(Indicator indicator, KnownOrgUnit unit, Period period, BigDecimal value, LocalDate effectiveFrom,
            UUID parentId, String user, String field) {
        boolean counted = indicator.aggregationType == AggregationType.SUM;
        if (counted) {
            lockFamilies(indicator.code, period.id(), unit);
        }
        Optional<Target> same = Target.find("indicatorCode = ?1 and orgUnitCode = ?2 and periodId = ?3 "
                + "and effectiveFrom = ?4", indicator.code, unit.code, period.id(), effectiveFrom).firstResultOptional();
        if (same.isPresent()) {
            if (same.get().value.compareTo(value) == 0) {
                return new Saved(TargetView.of(same.get()), false);
            }
            throw ProblemException.conflict("target-version-exists", field + ": a target of " + indicator.code
                    + " for " + unit.code + " in " + period.id() + " already takes effect on " + effectiveFrom
                    + "; give the new version another effectiveFrom");
        }
        long versions = Target.count("indicatorCode = ?1 and orgUnitCode = ?2 and periodId = ?3", indicator.code,
                unit.code, period.id());
        Target target = new Target();
        target.id = UUID.randomUUID();
        target.indicatorCode = indicator.code;
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
        if (counted) {
            rule.check(indicator.code, period.id(), unit, field);
        }
        TargetView view = TargetView.of(target);
        events.publish(TOPIC, SET, indicator.code + "/" + unit.code + "/" + period.id(), view);
        return new Saved(view, true);
    }

    /**
     * Serialises the writes that could together break the rule: every write to a family (a unit and its
     * direct children, for one indicator and period) holds that family's transaction-scoped advisory lock,
     * and a version belongs to two families, its parent's and its own. Locks are taken ancestor first so
     * that two writers never wait on each other in a circle.
     */
    private void lockFamilies(String indicatorCode, String periodId, KnownOrgUnit unit) {
        List<String> families = new ArrayList<>();
        if (unit.parentCode != null) {
            families.add(unit.parentCode);
        } else if (parentPath(unit.path) != null) {
            families.add(lastCode(parentPath(unit.path)));
        }
        families.add(unit.code);
        for (String family : families) {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .setParameter("key", "target-family/" + indicatorCode + "/" + periodId + "/" + family)
                    .getSingleResult();
        }
    }

    static String parentPath(String path) {
        String trimmed = path.substring(0, path.length() - 1);
        int cut = trimmed.lastIndexOf('/');
        return cut <= 0 ? null : trimmed.substring(0, cut + 1);
    }

    private static String lastCode(String path) {
        String[] codes = path.split("/");
        return codes[codes.length - 1];
    }
}
