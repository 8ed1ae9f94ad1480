package vn.commops.crisis.crisiscase;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What clients read about crisis cases. */
public final class CaseViews {

    private CaseViews() {
    }

    @Schema(name = "CrisisCase")
    public record Case(
            UUID id, String title, String description, Severity severity, CaseStatus status,
            @Schema(examples = "crisis-analyst") String owner,
            @Schema(examples = "FALSE_INFORMATION") String topicCode,
            @Schema(examples = "LC") String orgUnitCode,
            UUID signalId,
            @Schema(description = "When the rise was first seen (the signal's time, or the case's)") OffsetDateTime detectedAt,
            OffsetDateTime createdAt,
            OffsetDateTime acknowledgedAt,
            OffsetDateTime firstResponseAt,
            OffsetDateTime resolvedAt,
            OffsetDateTime closedAt,
            @Schema(description = "Seconds from detection to acknowledgement", examples = "540") Long timeToAcknowledgeSeconds,
            @Schema(description = "Seconds from detection to the first response done", examples = "7200")
            Long timeToFirstResponseSeconds,
            @Schema(description = "Where it may go next") List<CaseStatus> allowedTransitions,
            List<UUID> feedbackIds,
            List<UUID> clusterIds,
            List<Action> actions,
            String createdBy,
            int version) {
    }

    @Schema(name = "CrisisCaseSummary", description = "A case as listed")
    public record Summary(UUID id, String title, Severity severity, CaseStatus status, String owner, String topicCode,
            String orgUnitCode, UUID signalId, OffsetDateTime detectedAt, OffsetDateTime createdAt, int version) {

        static Summary of(CrisisCase c) {
            return new Summary(c.id, c.title, c.severity, c.status, c.owner, c.topicCode, c.orgUnitCode, c.signalId,
                    c.detectedAt, c.createdAt, c.version);
        }
    }

    @Schema(name = "CrisisResponseAction")
    public record Action(UUID id, ResponseActionKind kind, String description, OffsetDateTime dueAt,
            OffsetDateTime doneAt, String doneBy, String outcome,
            @Schema(description = "Not done and past due") boolean overdue) {

        static Action of(ResponseAction a, OffsetDateTime now) {
            return new Action(a.id, a.kind, a.description, a.dueAt, a.doneAt, a.doneBy, a.outcome,
                    a.doneAt == null && now.isAfter(a.dueAt));
        }
    }

    @Schema(name = "CrisisCaseTimelineEntry")
    public record Timeline(OffsetDateTime at, TimelineEntry.Kind kind, @Schema(examples = "crisis-analyst") String actor,
            @Schema(examples = "WATCH → OPEN: tin đồn lan rộng") String detail) {

        static Timeline of(TimelineEntry e) {
            return new Timeline(e.at, e.kind, e.actor, e.detail);
        }
    }

    @Schema(name = "PostCrisisCommunication")
    public record PostCrisis(UUID requestId, UUID caseId, String orgUnitCode, String title, String brief,
            List<String> forms, int quantity, LocalDate dueDate, String requestedBy, OffsetDateTime requestedAt) {

        static PostCrisis of(PostCrisisRequest r) {
            return new PostCrisis(r.requestId, r.caseId, r.orgUnitCode, r.title, r.brief, r.forms, r.quantity, r.dueDate,
                    r.requestedBy, r.requestedAt);
        }
    }

    static Long seconds(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }
}
