package vn.commops.activity.assignment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;
import vn.commops.common.event.RetriedWhileDatabaseDown;

/**
 * Keeps this service's replica of plan-service's assignments from its {@code assignments} events, each
 * event once. Every assignment event carries the assignment's whole state after the change, so each is
 * applied the same way: an upsert. Events of one assignment share its id as key, so they arrive in order.
 * {@code assignment.progressed} is skipped unread: progress changes nothing an activity is checked against,
 * and a bulk upload makes one for every activity and every assignment above it.
 */
@ApplicationScoped
public class AssignmentReplica {

    static final String CONSUMER = "activity-service.assignment-replica";
    private static final String PROGRESSED = "assignment.progressed";

    private final EventReader reader;
    private final ProcessedEvents processed;

    AssignmentReplica(EventReader reader, ProcessedEvents processed) {
        this.reader = reader;
        this.processed = processed;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AssignmentData(UUID assignmentId, String orgUnitCode, String form, LocalDate startDate, LocalDate dueDate,
            String status, UUID campaignId) {
    }

    @Incoming("assignments")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!event.type().startsWith("assignment.") || PROGRESSED.equals(event.type())
                || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        AssignmentData data = reader.data(event, AssignmentData.class);
        if (data.assignmentId() == null || data.orgUnitCode() == null || data.dueDate() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " lacks the assignment's id, unit or due date");
        }
        KnownAssignment assignment = KnownAssignment.<KnownAssignment>findByIdOptional(data.assignmentId())
                .orElseGet(KnownAssignment::new);
        assignment.id = data.assignmentId();
        assignment.orgUnitCode = data.orgUnitCode();
        assignment.form = data.form();
        if (data.startDate() != null) {
            assignment.startDate = data.startDate();
        }
        assignment.dueDate = data.dueDate();
        assignment.status = data.status() == null ? "OPEN" : data.status();
        assignment.campaignId = data.campaignId();
        assignment.updatedAt = OffsetDateTime.now();
        assignment.persist();
    }
}
