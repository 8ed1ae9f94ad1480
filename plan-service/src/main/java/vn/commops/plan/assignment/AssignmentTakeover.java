package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.List;
import vn.commops.plan.orgunit.OrgUnitsTakenOver;

/** Open assignments follow their unit into its successor, with where they came from on record. */
@ApplicationScoped
class AssignmentTakeover {

    private final AssignmentEvents events;

    AssignmentTakeover(AssignmentEvents events) {
        this.events = events;
    }

    void takeOver(@Observes OrgUnitsTakenOver takeover) {
        List<Assignment> open = Assignment.list("orgUnitCode in ?1 and status = ?2", takeover.formerCodes(),
                Assignment.Status.OPEN);
        for (Assignment assignment : open) {
            assignment.transferredFrom = assignment.orgUnitCode;
            assignment.orgUnitCode = takeover.successorCode();
            assignment.updatedAt = OffsetDateTime.now();
            Assignment.flush();
            events.publish(AssignmentEvents.TRANSFERRED, assignment);
        }
    }
}
