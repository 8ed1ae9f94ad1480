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
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/**
 * Merges, splits, closes and moves units with effective dates (the 2025 reform merged provinces and
 * removed districts). Reorganising a unit is the business of whoever may act on its parent; a root
 * only a national admin's. Each operation is one transaction: it applies whole or not at all.
 */
@ApplicationScoped
public class OrgUnitReorganiser {

    private final OrgUnitService units;
    private final OrgUnitEvents events;
    private final Caller caller;
    private final Event<OrgUnitsTakenOver> takenOver;

    OrgUnitReorganiser(OrgUnitService units, OrgUnitEvents events, Caller caller, Event<OrgUnitsTakenOver> takenOver) {
        this.units = units;
        this.events = events;
        this.caller = caller;
        this.takenOver = takenOver;
    }

    @Transactional
    public OrgUnitView move(String code, Reorganisation.Move request) {
        OrgUnit unit = openUnit(code, "code");
        requireParentGranted(unit, "code");
        OrgUnit parent = openUnit(request.parentCode(), "parentCode");
        OrgUnitService.requireUnit(caller::mayActOn, parent.code, parent.path, "parentCode");
        move(unit, parent, request.effectiveDate());
        return OrgUnitView.of(unit);
    }

    /** Re-parents the unit; every unit of its subtree gets a new path and its own moved event. */
    @Transactional(Transactional.TxType.MANDATORY)
    void move(OrgUnit unit, OrgUnit parent, LocalDate effectiveDate) {
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
            events.moved(member, effectiveDate, previous);
        }
    }

    @Transactional
    public List<OrgUnitView> merge(Reorganisation.Merge request) {
        OrgUnit successor = openUnit(request.successorCode(), "successorCode");
        requireParentGranted(successor, "successorCode");
        Set<String> codes = new LinkedHashSet<>(request.mergedCodes());
        List<OrgUnit> merged = new ArrayList<>();
        for (String code : codes) {
            OrgUnit unit = openUnit(code, "mergedCodes");
            requireParentGranted(unit, "mergedCodes");
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
        LocalDate effective = request.effectiveDate();
        List<OrgUnitView> result = new ArrayList<>();
        for (OrgUnit unit : merged) {
            for (OrgUnit child : unit.openChildren()) {
                move(child, successor, effective);
            }
            end(unit, effective, successor.code);
            events.merged(unit, effective);
            result.add(OrgUnitView.of(unit));
        }
        takenOver.fire(new OrgUnitsTakenOver(List.copyOf(codes), successor.code, effective, caller.name()));
        result.add(OrgUnitView.of(successor));
        return result;
    }

    /** Creates the successors under the unit's parent, hands them its children, then ends the unit. */
    @Transactional
    public List<OrgUnitView> split(String code, Reorganisation.Split request) {
        OrgUnit unit = openUnit(code, "code");
        requireParentGranted(unit, "code");
        LocalDate effective = request.effectiveDate();
        Set<String> children = new HashSet<>();
        unit.openChildren().forEach(child -> children.add(child.code));
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
                    unit.parentCode(), effective), path -> true);
            for (String child : successor.childCodes() == null ? List.<String>of() : successor.childCodes()) {
                move(OrgUnitService.find(child), created, effective);
            }
            result.add(OrgUnitView.of(created));
        }
        end(unit, effective, null);
        events.split(unit, effective);
        result.add(0, OrgUnitView.of(unit));
        return result;
    }

    @Transactional
    public OrgUnitView close(String code, Reorganisation.Close request) {
        OrgUnit unit = openUnit(code, "code");
        requireParentGranted(unit, "code");
        List<OrgUnit> children = unit.openChildren();
        if (!children.isEmpty()) {
            throw ProblemException.conflict("org-unit-has-open-children", "'" + code + "' still has open units "
                    + children.stream().map(child -> child.code).toList() + "; move, merge or close them first");
        }
        OrgUnit successor = null;
        if (request.successorCode() != null) {
            successor = openUnit(request.successorCode(), "successorCode");
            if (successor.equals(unit)) {
                throw ProblemException.invalidField("successor-is-self", "successorCode", "must be another unit");
            }
        }
        end(unit, request.effectiveDate(), successor == null ? null : successor.code);
        events.closed(unit, request.effectiveDate());
        if (successor != null) {
            takenOver.fire(new OrgUnitsTakenOver(List.of(code), successor.code, request.effectiveDate(),
                    caller.name()));
        }
        return OrgUnitView.of(unit);
    }

    private static void end(OrgUnit unit, LocalDate effectiveDate, String successorCode) {
        if (!effectiveDate.isAfter(unit.validFrom)) {
            throw ProblemException.invalidField("effective-date-before-validity", "effectiveDate",
                    "'" + unit.code + "' exists from " + unit.validFrom + "; it can end only after that");
        }
        unit.validTo = effectiveDate.minusDays(1);
        unit.successorCode = successorCode;
    }

    private static OrgUnit openUnit(String code, String field) {
        OrgUnit unit = OrgUnit.findByCode(code).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", field, "no org unit '" + code + "'"));
        if (!unit.isOpen()) {
            throw ProblemException.conflict("org-unit-closed",
                    "'" + code + "' stopped existing after " + unit.validTo);
        }
        return unit;
    }

    private void requireParentGranted(OrgUnit unit, String field) {
        OrgUnitService.requireUnit(caller::mayActOn, unit.code, unit.parent == null ? null : unit.parent.path, field);
    }
}
