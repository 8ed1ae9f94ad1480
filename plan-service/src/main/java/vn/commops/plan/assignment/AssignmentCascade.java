package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.plan.orgunit.OrgUnit;

/** Shares of an assignment for units below its own: together they stay within the parent (CascadeLimits). */
@ApplicationScoped
public class AssignmentCascade {

    private final NewAssignments assignments;
    private final CascadeLimits limits;
    private final Caller caller;

    AssignmentCascade(NewAssignments assignments, CascadeLimits limits, Caller caller) {
        this.assignments = assignments;
        this.limits = limits;
        this.caller = caller;
    }

    /** Splits an assignment among units below its own; the shares together stay within the parent. */
    @Transactional
    public List<AssignmentView> split(UUID parentId, AssignmentRequest.Split split) {
        Assignment parent = lockParent(parentId, "id");
        List<AssignmentRequest> shares = split.children().stream().map(share -> share.under(parentId)).toList();
        limits.requireWithin(parent, shares, "children");
        List<AssignmentView> created = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            created.add(assignments.view(share(parent, shares.get(i), "children[" + i + "].")));
        }
        return created;
    }

    /** One share, asked for by a create request naming its parentAssignmentId. */
    @Transactional(Transactional.TxType.MANDATORY)
    AssignmentView share(AssignmentRequest request) {
        Assignment parent = lockParent(request.parentAssignmentId(), "parentAssignmentId");
        limits.requireWithin(parent, List.of(request), "");
        return assignments.view(share(parent, request, ""));
    }

    private Assignment lockParent(UUID id, String field) {
        Assignment parent = Assignment.<Assignment>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() ->
                "id".equals(field) ? ProblemException.notFound("Assignment", id.toString())
                        : ProblemException.invalidField("unknown-assignment", field, "no assignment '" + id + "'"));
        OrgUnit unit = OrgUnit.findByCode(parent.orgUnitCode).orElseThrow();
        caller.requireUnit(unit.code, unit.path, field);
        if (parent.status != Assignment.Status.OPEN) {
            throw ProblemException.conflict("assignment-not-open", "Assignment " + id + " is " + parent.status);
        }
        return parent;
    }

    private Assignment share(Assignment parent, AssignmentRequest request, String prefix) {
        OrgUnit unit = NewAssignments.openUnit(request.orgUnitCode(), prefix + "orgUnitCode");
        OrgUnit parentUnit = OrgUnit.findByCode(parent.orgUnitCode).orElseThrow();
        if (!unit.path.startsWith(parentUnit.path) || unit.path.equals(parentUnit.path)) {
            throw ProblemException.invalidField("share-not-below-parent", prefix + "orgUnitCode",
                    "'" + unit.code + "' is not a unit below '" + parentUnit.code + "'");
        }
        LocalDate due = request.dueDate() == null ? parent.dueDate : request.dueDate();
        if (due.isAfter(parent.dueDate)) {
            throw ProblemException.invalidField("share-due-after-parent", prefix + "dueDate",
                    "must not be after the parent's due date " + parent.dueDate);
        }
        Assignment child = NewAssignments.of(request, unit.code, parent.startDate.isAfter(due) ? due : parent.startDate,
                due, caller.name());
        child.planId = parent.planId;
        child.campaignId = parent.campaignId;
        child.parentAssignmentId = parent.id;
        child.form = parent.form;
        if (child.title == null) {
            child.title = parent.title;
        }
        child.lineage = parent.lineage + child.id + "/";
        assignments.persist(child);
        return child;
    }
}
