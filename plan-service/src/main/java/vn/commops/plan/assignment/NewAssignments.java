package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.plan.orgunit.OrgUnit;

/**
 * What every way of making an assignment shares (created, shared out, turned from a crisis request or
 * copied with a plan): the fields a new task starts with, and storing it with its first amendment and
 * its CREATED event.
 */
@ApplicationScoped
class NewAssignments {

    private final AssignmentEvents events;
    private final AssignmentProgress progress;
    private final AssignmentAmendments amendments;

    NewAssignments(AssignmentEvents events, AssignmentProgress progress, AssignmentAmendments amendments) {
        this.events = events;
        this.progress = progress;
        this.amendments = amendments;
    }

    static Assignment of(AssignmentRequest request, String unitCode, LocalDate start, LocalDate due, String actor) {
        if (due.isBefore(start)) {
            throw ProblemException.invalidField("due-before-start", "dueDate", "must not be before " + start);
        }
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.orgUnitCode = unitCode;
        assignment.title = request.title() == null ? null : request.title().strip();
        assignment.description = request.description();
        assignment.quantity = request.quantity();
        assignment.budgetVnd = request.budgetVnd() == null ? 0 : request.budgetVnd();
        assignment.startDate = start;
        assignment.dueDate = due;
        assignment.responsible = request.responsible();
        assignment.status = Assignment.Status.OPEN;
        assignment.targets = new TreeMap<>(targets(request.targets()));
        assignment.createdBy = actor == null ? "system" : actor;
        assignment.createdAt = OffsetDateTime.now();
        assignment.updatedAt = assignment.createdAt;
        return assignment;
    }

    static Map<String, Long> targets(Map<String, Long> requested) {
        if (requested == null) {
            return Map.of();
        }
        for (String metric : requested.keySet()) {
            if (!OutcomeMetric.known(metric)) {
                throw ProblemException.invalidField("unknown-outcome-metric", "targets." + metric,
                        "not one of " + OutcomeMetric.list());
            }
        }
        return requested;
    }

    static OrgUnit openUnit(String code, String field) {
        OrgUnit unit = OrgUnit.findByCode(code).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", field, "no org unit '" + code + "'"));
        if (!unit.isOpen()) {
            throw ProblemException.invalidField("org-unit-closed", field,
                    "'" + code + "' stopped existing after " + unit.validTo);
        }
        return unit;
    }

    void persist(Assignment assignment) {
        if (assignment.title == null || assignment.title.isBlank()) {
            assignment.title = assignment.form == null ? "Nhiệm vụ truyền thông" : "Nhiệm vụ " + assignment.form;
        }
        assignment.persist();
        amendments.afterCreate(assignment, assignment.createdBy);
        Assignment.flush();
        events.publish(AssignmentEvents.CREATED, assignment);
    }

    AssignmentView view(Assignment assignment) {
        return AssignmentView.of(assignment, progress.of(assignment));
    }
}
