package vn.commops.plan.assignment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.hibernate.orm.panache.Panache;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventBatch;
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

    /**
     * A poll's worth of events in one transaction (see {@link EventBatch}): one inbox statement, one read of
     * the activities' applied revisions and one of the assignments they touch, the figures' changes summed
     * over the batch into one upsert, and one progress event per moved assignment.
     */
    @Incoming("activities")
    @RetriedWhileDatabaseDown
    @Blocking
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        return EventBatch.apply(batch, this::applyAll);
    }

    private void applyAll(List<String> messages) {
        List<EventEnvelope> activityEvents = new ArrayList<>();
        for (String message : messages) {
            EventEnvelope event = reader.envelope(message);
            if (event.type().startsWith("activity.")) {
                activityEvents.add(event);
            }
        }
        Set<UUID> firstDeliveries = recordDeliveries(activityEvents);
        List<ActivityRevision> revisions = new ArrayList<>();
        for (EventEnvelope event : activityEvents) {
            if (firstDeliveries.remove(event.id())) {
                ActivityRevision activity = reader.data(event, ActivityRevision.class);
                if (activity.activityId() == null) {
                    throw new IllegalArgumentException("Event " + event.id() + " carries no activityId");
                }
                revisions.add(activity);
            }
        }
        if (revisions.isEmpty()) {
            return;
        }
        Map<UUID, AssignmentActivity> applied = new HashMap<>();
        AssignmentActivity.<AssignmentActivity>list("activityId in ?1",
                revisions.stream().map(ActivityRevision::activityId).distinct().toList())
                .forEach(a -> applied.put(a.activityId, a));
        Assignments assignments = new Assignments();
        assignments.load(revisions.stream().map(ActivityRevision::assignmentId));
        assignments.load(applied.values().stream().map(a -> a.assignmentId));
        Set<UUID> touched = new LinkedHashSet<>();
        Map<AssignmentRollup.Key, long[]> changes = new HashMap<>();
        for (ActivityRevision activity : revisions) {
            applyOne(activity, applied, assignments, touched, changes);
        }
        rollup.apply(changes);
        publishProgress(touched, assignments);
    }

    private void applyOne(ActivityRevision activity, Map<UUID, AssignmentActivity> applied, Assignments assignments,
            Set<UUID> touched, Map<AssignmentRollup.Key, long[]> changes) {
        AssignmentActivity last = applied.get(activity.activityId());
        if (last != null && activity.revision() <= last.revision) {
            return;
        }
        UUID assignmentId = activity.assignmentId() != null && assignments.get(activity.assignmentId()) != null
                ? activity.assignmentId() : null;
        if (last == null && assignmentId == null) {
            return;
        }
        if (last == null) {
            last = new AssignmentActivity();
            last.activityId = activity.activityId();
            applied.put(last.activityId, last);
        } else if (last.assignmentId != null) {
            touched.add(last.assignmentId);
            if (!last.withdrawn) {
                AssignmentRollup.add(changes, assignments.get(last.assignmentId).lineageIds(),
                        AssignmentRollup.State.of(last.verificationStatus), AssignmentRollup.figures(last, -1));
            }
        }
        if (assignmentId != null) {
            touched.add(assignmentId);
        }
        copy(activity, last, assignmentId);
        if (!last.isPersistent()) {
            last.persist(); // once complete: a query later in the batch may flush it
        }
        if (assignmentId != null && !last.withdrawn) {
            AssignmentRollup.add(changes, assignments.get(assignmentId).lineageIds(),
                    AssignmentRollup.State.of(last.verificationStatus), AssignmentRollup.figures(last, 1));
        }
    }

    /** The events of this batch not processed before; recorded as processed in this transaction. */
    @SuppressWarnings("unchecked")
    private Set<UUID> recordDeliveries(List<EventEnvelope> activityEvents) {
        Set<UUID> first = new HashSet<>();
        if (activityEvents.isEmpty()) {
            return first;
        }
        List<Object> inserted = Panache.getEntityManager().createNativeQuery("insert into processed_event (consumer, "
                + "event_id) select :consumer, id from unnest(cast(:ids as uuid[])) id on conflict do nothing "
                + "returning event_id")
                .setParameter("consumer", CONSUMER)
                .setParameter("ids", activityEvents.stream().map(e -> e.id().toString()).toArray(String[]::new))
                .getResultList();
        inserted.forEach(id -> first.add((UUID) id));
        processed.duplicatesAbsorbed(CONSUMER, activityEvents.size() - first.size());
        return first;
    }

    /** The assignments a batch touches, read in one query (and their ancestors in one more), not one a row. */
    private static final class Assignments {

        private final Map<UUID, Assignment> byId = new HashMap<>();
        private final Set<UUID> missing = new HashSet<>();

        void load(Stream<UUID> ids) {
            List<UUID> wanted = ids.filter(id -> id != null && !byId.containsKey(id) && !missing.contains(id))
                    .distinct().toList();
            if (wanted.isEmpty()) {
                return;
            }
            Assignment.<Assignment>list("id in ?1", wanted).forEach(a -> byId.put(a.id, a));
            wanted.stream().filter(id -> !byId.containsKey(id)).forEach(missing::add);
        }

        Assignment get(UUID id) {
            return byId.get(id);
        }

        /** The assignments and every one above them, nearest first. */
        List<Assignment> withAncestors(Set<UUID> ids) {
            load(ids.stream().flatMap(id -> byId.get(id).lineageIds().stream()));
            Set<UUID> moved = new LinkedHashSet<>();
            for (UUID id : ids) {
                List<UUID> lineage = byId.get(id).lineageIds();
                for (int i = lineage.size() - 1; i >= 0; i--) {
                    moved.add(lineage.get(i));
                }
            }
            return moved.stream().map(byId::get).toList();
        }
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
    private void publishProgress(Set<UUID> assignmentIds, Assignments assignments) {
        for (Assignment assignment : assignments.withAncestors(assignmentIds)) {
            events.publish(AssignmentEvents.PROGRESSED, assignment);
        }
    }
}
