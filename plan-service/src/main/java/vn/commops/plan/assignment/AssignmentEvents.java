package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/** Assignment facts; see docs/events.md. */
@ApplicationScoped
public class AssignmentEvents {

    public static final String TOPIC = "assignments";
    public static final String CREATED = "assignment.created";
    public static final String UPDATED = "assignment.updated";
    public static final String PROGRESSED = "assignment.progressed";
    public static final String TRANSFERRED = "assignment.transferred";
    /** The whole state, published once for every assignment when a new consumer's replica must start complete. */
    public static final String SNAPSHOT = "assignment.snapshot";

    private final EventPublisher publisher;
    private final AssignmentProgress progress;

    AssignmentEvents(EventPublisher publisher, AssignmentProgress progress) {
        this.publisher = publisher;
        this.progress = progress;
    }

    /**
     * The assignment's whole state after the change. {@code startDate} came later than the other fields
     * (activity-service checks an activity's date against startDate..dueDate): consumers of older events
     * find none.
     */
    public record AssignmentEventData(UUID assignmentId, UUID planId, UUID campaignId, UUID parentAssignmentId,
            String orgUnitCode, String form, int quantity, LocalDate dueDate, long budgetVnd,
            Assignment.Status status, long doneQuantity, AssignmentProgress.Status progressStatus,
            String transferredFrom, UUID sourceCaseId, LocalDate startDate) {
    }

    void publish(String type, Assignment assignment) {
        AssignmentProgress.Progress now = progress.of(assignment);
        publisher.publish(TOPIC, type, assignment.id.toString(), new AssignmentEventData(assignment.id,
                assignment.planId, assignment.campaignId, assignment.parentAssignmentId, assignment.orgUnitCode,
                assignment.form, assignment.quantity, assignment.dueDate, assignment.budgetVnd, assignment.status,
                now.doneQuantity(), now.progressStatus(), assignment.transferredFrom, assignment.sourceCaseId,
                assignment.startDate));
    }
}
