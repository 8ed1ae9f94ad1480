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

    void postCrisisRequested(PostCrisisRequest r) {
        publisher.publish(TOPIC, POST_CRISIS_REQUESTED, r.caseId.toString(), new PostCrisisCommunicationRequested(
                r.requestId, r.caseId, r.orgUnitCode, r.title, r.brief, r.forms, r.quantity, r.dueDate, r.requestedBy));
    }
}
