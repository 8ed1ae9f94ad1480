package vn.commops.crisis.crisiscase;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/** Case facts on {@code crisis-cases}, keyed by case id; no feedback text and no contact. See docs/events.md. */
@ApplicationScoped
public class CaseEvents {

    public static final String TOPIC = "crisis-cases";
    public static final String OPENED = "crisis-case.opened";
    public static final String TRANSITIONED = "crisis-case.transitioned";
    public static final String UPDATED = "crisis-case.updated";
    public static final String LINKED = "crisis-case.linked";
    public static final String ACTION_ADDED = "crisis-case.action-added";
    public static final String ACTION_COMPLETED = "crisis-case.action-completed";
    public static final String POST_CRISIS_REQUESTED = "crisis-case.post-crisis-communication-requested";

    private final EventPublisher publisher;

    CaseEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record Opened(UUID caseId, String title, Severity severity, CaseStatus status, String owner,
            String topicCode, String orgUnitCode, UUID signalId, OffsetDateTime detectedAt, OffsetDateTime openedAt,
            String openedBy) {
    }

    public record Transitioned(UUID caseId, CaseStatus from, CaseStatus to, Severity severity, String topicCode,
            String orgUnitCode, String actor, String reason, OffsetDateTime at) {
    }

    public record Updated(UUID caseId, String title, Severity severity, CaseStatus status, String owner,
            String topicCode, String orgUnitCode, List<String> changes, String actor, OffsetDateTime at) {
    }

    /** Only what this request linked anew; what was linked already is not repeated. */
    public record Linked(UUID caseId, List<UUID> feedbackIds, List<UUID> clusterIds, String actor, OffsetDateTime at) {
    }

    public record ActionAdded(UUID caseId, UUID actionId, ResponseActionKind kind, String description,
            OffsetDateTime dueAt, String actor, OffsetDateTime at) {
    }

    /** {@code firstResponse}: this action was the case's first response (time to first response ends here). */
    public record ActionCompleted(UUID caseId, UUID actionId, ResponseActionKind kind, String outcome,
            boolean firstResponse, String actor, OffsetDateTime at) {
    }

    /** Exactly the shape plan-service reads (docs/events.md). */
    public record PostCrisisCommunicationRequested(UUID requestId, UUID caseId, String orgUnitCode, String title,
            String brief, List<String> forms, int quantity, LocalDate dueDate, String requestedBy) {
    }

    void opened(CrisisCase c) {
        publisher.publish(TOPIC, OPENED, c.id.toString(), new Opened(c.id, c.title, c.severity, c.status, c.owner,
                c.topicCode, c.orgUnitCode, c.signalId, c.detectedAt, c.createdAt, c.createdBy));
    }

    void transitioned(CrisisCase c, CaseStatus from, String actor, String reason, OffsetDateTime at) {
        publisher.publish(TOPIC, TRANSITIONED, c.id.toString(), new Transitioned(c.id, from, c.status, c.severity,
                c.topicCode, c.orgUnitCode, actor, reason, at));
    }

    void updated(CrisisCase c, List<String> changes, String actor, OffsetDateTime at) {
        publisher.publish(TOPIC, UPDATED, c.id.toString(), new Updated(c.id, c.title, c.severity, c.status, c.owner,
                c.topicCode, c.orgUnitCode, changes, actor, at));
    }

    void linked(UUID caseId, List<UUID> feedbackIds, List<UUID> clusterIds, String actor, OffsetDateTime at) {
        publisher.publish(TOPIC, LINKED, caseId.toString(), new Linked(caseId, feedbackIds, clusterIds, actor, at));
    }

    void actionAdded(ResponseAction a) {
        publisher.publish(TOPIC, ACTION_ADDED, a.caseId.toString(), new ActionAdded(a.caseId, a.id, a.kind,
                a.description, a.dueAt, a.createdBy, a.createdAt));
    }

    void actionCompleted(ResponseAction a, boolean firstResponse) {
        publisher.publish(TOPIC, ACTION_COMPLETED, a.caseId.toString(), new ActionCompleted(a.caseId, a.id, a.kind,
                a.outcome, firstResponse, a.doneBy, a.doneAt));
    }

    void postCrisisRequested(PostCrisisRequest r) {
        publisher.publish(TOPIC, POST_CRISIS_REQUESTED, r.caseId.toString(), new PostCrisisCommunicationRequested(
                r.requestId, r.caseId, r.orgUnitCode, r.title, r.brief, r.forms, r.quantity, r.dueDate, r.requestedBy));
    }
}
