package vn.commops.plan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import vn.commops.common.problem.ProblemException;

/**
 * Applies merges, splits, closures and moves with effective dates (the 2025 reform merged provinces and
 * removed districts). Reorganising a unit is the business of whoever may act on its parent; a root
 * only a national admin's. Each operation is one transaction: it applies whole or not at all. When a
 * change applies is {@link Reorganisations}' business: at once when its date has come, on its date
 * otherwise; {@code mayActOnPath} is the requester's grants then, and everything when the job applies a
 * change that was authorised when it was scheduled.
 */
@ApplicationScoped
public class OrgUnitReorganiser {

    private final OrgUnitService units;
    private final OrgUnitEvents events;
    private final Event<OrgUnitsTakenOver> takenOver;

    OrgUnitReorganiser(OrgUnitService units, OrgUnitEvents events, Event<OrgUnitsTakenOver> takenOver) {
        this.units = units;
        this.events = events;
        this.takenOver = takenOver;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<OrgUnitView> move(String code, Reorganisation.Move request, Predicate<String> mayActOnPath, ChangeNote note) {
        LocalDate effective = request.effectiveDate();
        OrgUnit unit = openUnit(code, "code", effective);
        requireParentGranted(mayActOnPath, unit, "code");
        OrgUnit parent = openUnit(request.parentCode(), "parentCode", effective);
        OrgUnitService.requireUnit(mayActOnPath, parent.code, parent.path, "parentCode");
        move(unit, parent, effective, note);
        return List.of(OrgUnitView.of(unit));
    }

    /** Re-parents the unit; every unit of its subtree gets a new path and its own moved event. */
    @Transactional(Transactional.TxType.MANDATORY)
    void move(OrgUnit unit, OrgUnit parent, LocalDate effectiveDate, ChangeNote note) {
        if (parent.path.startsWith(unit.path)) {
            throw ProblemException.invalidField("move-into-own-subtree", "parentCode",
                    "'" + parent.code + "' lies within '" + unit.code + "'");
        }
        OrgUnitService.requireBelow(parent, unit.level);
        if (parent.equals(unit.parent)) {
            return;
        }
        String oldPrefix = unit.path;
        String newPrefix = OrgUnit.childPath(parent.path, unit.code);
        List<OrgUnit> subtree = OrgUnit.subtree(oldPrefix);
        unit.parent = parent;
        for (OrgUnit member : subtree) {
            String previous = member.path;
            member.path = newPrefix + previous.substring(oldPrefix.length());
            events.moved(member, effectiveDate, previous, note);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<OrgUnitView> merge(Reorganisation.Merge request, Predicate<String> mayActOnPath, ChangeNote note) {
        LocalDate effective = request.effectiveDate();
        OrgUnit successor = openUnit(request.successorCode(), "successorCode", effective);
        requireParentGranted(mayActOnPath, successor, "successorCode");
        Set<String> codes = new LinkedHashSet<>(request.mergedCodes());
        List<OrgUnit> merged = new ArrayList<>();
        for (String code : codes) {
            OrgUnit unit = openUnit(code, "mergedCodes", effective);
            requireParentGranted(mayActOnPath, unit, "mergedCodes");
            if (unit.equals(successor) || successor.path.startsWith(unit.path)) {
                throw ProblemException.invalidField("merge-into-own-subtree", "successorCode",
                        "'" + successor.code + "' is '" + code + "' or lies within it");
            }
            if (!unit.level.code.equals(successor.level.code)) {
                throw ProblemException.invalidField("merge-across-levels", "mergedCodes",
                        "'" + code + "' is a " + unit.level.code + ", the successor a " + successor.level.code);
            }
            merged.add(unit);
        }
        List<OrgUnitView> result = new ArrayList<>();
        for (OrgUnit unit : merged) {
            for (OrgUnit child : unit.openChildren(effective)) {
                move(child, successor, effective, note);
            }
            end(unit, effective, successor.code);
            events.merged(unit, effective, note);
            result.add(OrgUnitView.of(unit));
        }
        takenOver.fire(new OrgUnitsTakenOver(List.copyOf(codes), successor.code, effective, note.actor()));
        result.add(OrgUnitView.of(successor));
        return result;
    }

    /** Creates the successors under the unit's parent, hands them its children, then ends the unit. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<OrgUnitView> split(String code, Reorganisation.Split request, Predicate<String> mayActOnPath,
            ChangeNote note) {
        LocalDate effective = request.effectiveDate();
        OrgUnit unit = openUnit(code, "code", effective);
        requireParentGranted(mayActOnPath, unit, "code");
        Set<String> children = new HashSet<>();
        unit.openChildren(effective).forEach(child -> children.add(child.code));
        Set<String> given = new HashSet<>();
        for (Reorganisation.Successor successor : request.successors()) {
            for (String child : successor.childCodes() == null ? List.<String>of() : successor.childCodes()) {
                if (!children.contains(child) || !given.add(child)) {
                    throw ProblemException.invalidField("split-child-unknown", "successors.childCodes",
                            "'" + child + "' is not an open child of '" + code + "' or is given twice");
                }
            }
        }
        if (!given.containsAll(children)) {
            children.removeAll(given);
            throw ProblemException.invalidField("split-child-left-behind", "successors.childCodes",
                    "every open child must go to a successor; missing " + children.stream().sorted().toList());
        }
        List<OrgUnitView> result = new ArrayList<>();
        for (Reorganisation.Successor successor : request.successors()) {
            OrgUnit created = units.create(new OrgUnitRequest(successor.code(), successor.name(), unit.level.code,
                    unit.parentCode(), effective), path -> true, note);
            for (String child : successor.childCodes() == null ? List.<String>of() : successor.childCodes()) {
                move(OrgUnitService.find(child), created, effective, note);
            }
            result.add(OrgUnitView.of(created));
        }
        end(unit, effective, null);
        events.split(unit, effective, note);
        result.add(0, OrgUnitView.of(unit));
        return result;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<OrgUnitView> close(String code, Reorganisation.Close request, Predicate<String> mayActOnPath,
            ChangeNote note) {
        LocalDate effective = request.effectiveDate();
        OrgUnit unit = openUnit(code, "code", effective);
        requireParentGranted(mayActOnPath, unit, "code");
        List<OrgUnit> children = unit.openChildren(effective);
        if (!children.isEmpty()) {
            throw ProblemException.conflict("org-unit-has-open-children", "'" + code + "' still has open units "
                    + children.stream().map(child -> child.code).toList() + "; move, merge or close them first");
        }
        OrgUnit successor = null;
        if (request.successorCode() != null) {
            successor = openUnit(request.successorCode(), "successorCode", effective);
            if (successor.equals(unit)) {
                throw ProblemException.invalidField("successor-is-self", "successorCode", "must be another unit");
            }
        }
        end(unit, effective, successor == null ? null : successor.code);
        events.closed(unit, effective, note);
        if (successor != null) {
            takenOver.fire(new OrgUnitsTakenOver(List.of(code), successor.code, effective, note.actor()));
        }
        return List.of(OrgUnitView.of(unit));
    }

    private static void end(OrgUnit unit, LocalDate effectiveDate, String successorCode) {
        if (!effectiveDate.isAfter(unit.validFrom)) {
            throw ProblemException.invalidField("effective-date-before-validity", "effectiveDate",
                    "'" + unit.code + "' exists from " + unit.validFrom + "; it can end only after that");
        }
        unit.validTo = effectiveDate.minusDays(1);
        unit.successorCode = successorCode;
    }

    /** The unit, which must still exist on the day the change takes effect. */
    private static OrgUnit openUnit(String code, String field, LocalDate effectiveDate) {
        OrgUnit unit = OrgUnit.findByCode(code).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", field, "no org unit '" + code + "'"));
        if (!unit.isOpenOn(effectiveDate)) {
            throw ProblemException.conflict("org-unit-closed",
                    "'" + code + "' stopped existing after " + unit.validTo);
        }
        return unit;
    }

    static void requireParentGranted(Predicate<String> mayActOnPath, OrgUnit unit, String field) {
        OrgUnitService.requireUnit(mayActOnPath, unit.code, unit.parent == null ? null : unit.parent.path, field);
    }
}
