package vn.commops.plan.assignment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;
import vn.commops.common.event.RetriedWhileDatabaseDown;

/**
 * Moves assignment progress with the activities reported against them. Each activity event carries
 * the activity's whole current revision: it replaces the revision last applied for that activity (an
 * older or repeated revision changes nothing), a withdrawn activity counts zero, and each event id is
 * applied once. The figures are kept in the revision's verification state, so a verification decision
 * (which activity-service makes a new revision) moves them from one state to another exactly once.
 */
@ApplicationScoped
public class ActivityProgressConsumer {

    static final String CONSUMER = "plan-service.assignment-progress";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final AssignmentEvents events;
    private final AssignmentRollup rollup;

    ActivityProgressConsumer(EventReader reader, ProcessedEvents processed, AssignmentEvents events,
            AssignmentRollup rollup) {
        this.reader = reader;
        this.processed = processed;
        this.events = events;
        this.rollup = rollup;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActivityRevision(UUID activityId, int revision, UUID assignmentId, String verificationStatus,
            boolean withdrawn, long quantity, long attendance, long reach, long plays, long interactions,
            long newSocialInsurance, long newHealthInsurance, long appInstalls, long nonCashConversions,
            long booksAndCardsDonated, Long costVnd, Boolean costReported) {

        /**
         * Events before {@code costReported} said 0 for a cost not reported: for them a cost of 0 is taken
         * as not reported, as it almost always was.
         */
        boolean hasCost() {
            return costReported != null ? costReported : costVnd != null && costVnd > 0;
        }
    }

    @Incoming("activities")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!event.type().startsWith("activity.") || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        ActivityRevision activity = reader.data(event, ActivityRevision.class);
        if (activity.activityId() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " carries no activityId");
        }
        AssignmentActivity applied = AssignmentActivity.findById(activity.activityId());
        if (applied != null && activity.revision() <= applied.revision) {
            return;
        }
        UUID assignmentId = activity.assignmentId() != null && Assignment.findById(activity.assignmentId()) != null
                ? activity.assignmentId() : null;
        if (applied == null && assignmentId == null) {
            return;
        }
        Set<UUID> touched = new LinkedHashSet<>();
        Map<AssignmentRollup.Key, long[]> changes = new HashMap<>();
        if (applied == null) {
            applied = new AssignmentActivity();
            applied.activityId = activity.activityId();
        } else if (applied.assignmentId != null) {
            touched.add(applied.assignmentId);
            if (!applied.withdrawn) {
                AssignmentRollup.add(changes, lineageOf(applied.assignmentId),
                        AssignmentRollup.State.of(applied.verificationStatus), AssignmentRollup.figures(applied, -1));
            }
        }
        if (assignmentId != null) {
            touched.add(assignmentId);
        }
        copy(activity, applied, assignmentId);
        if (assignmentId != null && !applied.withdrawn) {
            AssignmentRollup.add(changes, lineageOf(assignmentId), AssignmentRollup.State.of(applied.verificationStatus),
                    AssignmentRollup.figures(applied, 1));
        }
        applied.persist();
        AssignmentActivity.flush();
        rollup.apply(changes);
        publishProgress(touched);
    }

    private static List<UUID> lineageOf(UUID assignmentId) {
        return Assignment.<Assignment>findById(assignmentId).lineageIds();
    }

    private static void copy(ActivityRevision activity, AssignmentActivity applied, UUID assignmentId) {
        applied.assignmentId = assignmentId;
        applied.revision = activity.revision();
        applied.withdrawn = activity.withdrawn();
        applied.verificationStatus = activity.verificationStatus() == null ? "REPORTED" : activity.verificationStatus();
        applied.costReported = activity.hasCost();
        applied.costVnd = applied.costReported && activity.costVnd() != null ? activity.costVnd() : 0;
        applied.quantity = activity.quantity();
        applied.attendance = activity.attendance();
        applied.reach = activity.reach();
        applied.plays = activity.plays();
        applied.interactions = activity.interactions();
        applied.newSocialInsurance = activity.newSocialInsurance();
        applied.newHealthInsurance = activity.newHealthInsurance();
        applied.appInstalls = activity.appInstalls();
        applied.nonCashConversions = activity.nonCashConversions();
        applied.booksAndCardsDonated = activity.booksAndCardsDonated();
        applied.appliedAt = OffsetDateTime.now();
    }

    /** A parent's progress includes its shares', so the assignment and every one above it moved. */
    private void publishProgress(Set<UUID> assignmentIds) {
        Set<UUID> moved = new LinkedHashSet<>();
        for (UUID id : assignmentIds) {
            Assignment assignment = Assignment.findById(id);
            List<UUID> lineage = assignment.lineageIds();
            for (int i = lineage.size() - 1; i >= 0; i--) {
                moved.add(lineage.get(i));
            }
        }
        for (UUID id : moved) {
            events.publish(AssignmentEvents.PROGRESSED, Assignment.findById(id));
        }
    }
}
