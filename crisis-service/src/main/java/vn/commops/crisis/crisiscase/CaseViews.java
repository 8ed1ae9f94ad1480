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
            UUID id,
            @Schema(examples = "Tin đồn bỏ rút BHXH một lần tại Lào Cai") String title,
            @Schema(examples = "Từ 12/3 nhiều nhóm Facebook ở Lào Cai chia sẻ tin bỏ rút BHXH một lần từ tháng 4; "
                    + "tổng đài nhận nhiều cuộc gọi hỏi.")
            String description,
            Severity severity,
            CaseStatus status,
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
            @Schema(description = "Where it may go next", examples = "[\"RESOLVED\"]")
            List<CaseStatus> allowedTransitions,
            @Schema(examples = "[\"2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e\", \"3d0e5f8b-2c4a-4b7d-9e6f-8a1b2c3d4e5f\"]")
            List<UUID> feedbackIds,
            @Schema(examples = "[\"6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d\"]") List<UUID> clusterIds,
            @Schema(examples = "[{\"id\": \"9f1e2d3c-4b5a-4697-8a8b-7c6d5e4f3a2b\", \"kind\": \"REFUTATION\", "
                    + "\"description\": \"Đăng bài bác bỏ tin đồn trên Cổng thông tin và fanpage\", "
                    + "\"dueAt\": \"2025-03-12T17:00:00+07:00\", \"doneAt\": \"2025-03-12T15:20:00+07:00\", "
                    + "\"doneBy\": \"crisis-analyst\", \"outcome\": \"Bài đăng lúc 15:20, 12.000 lượt xem\", "
                    + "\"overdue\": false}]")
            List<Action> actions,
            @Schema(examples = "crisis-analyst") String createdBy,
            @Schema(examples = "4") int version) {
    }

    @Schema(name = "CrisisCaseSummary", description = "A case as listed")
    public record Summary(UUID id,
            @Schema(examples = "Tin đồn bỏ rút BHXH một lần tại Lào Cai") String title,
            Severity severity,
            CaseStatus status,
            @Schema(examples = "crisis-analyst") String owner,
            @Schema(examples = "FALSE_INFORMATION") String topicCode,
            @Schema(examples = "LC") String orgUnitCode,
            UUID signalId,
            OffsetDateTime detectedAt,
            OffsetDateTime createdAt,
            @Schema(examples = "4") int version) {

        static Summary of(CrisisCase c) {
            return new Summary(c.id, c.title, c.severity, c.status, c.owner, c.topicCode, c.orgUnitCode, c.signalId,
                    c.detectedAt, c.createdAt, c.version);
        }
    }

    @Schema(name = "CrisisResponseAction")
    public record Action(UUID id, ResponseActionKind kind,
            @Schema(examples = "Đăng bài bác bỏ tin đồn trên Cổng thông tin và fanpage") String description,
            OffsetDateTime dueAt,
            OffsetDateTime doneAt,
            @Schema(examples = "crisis-analyst") String doneBy,
            @Schema(examples = "Bài đăng lúc 15:20, 12.000 lượt xem") String outcome,
            @Schema(description = "Not done and past due", examples = "false") boolean overdue) {

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
    public record PostCrisis(UUID requestId, UUID caseId,
            @Schema(examples = "LC") String orgUnitCode,
            @Schema(examples = "Thông tin lại về chính sách rút BHXH một lần") String title,
            @Schema(examples = "Giải thích điều kiện rút BHXH một lần hiện hành và lợi ích của việc bảo lưu")
            String brief,
            @Schema(examples = "[\"NEWS_ARTICLE\", \"SOCIAL_POST\"]") List<String> forms,
            @Schema(examples = "3") int quantity,
            LocalDate dueDate,
            @Schema(examples = "crisis-analyst") String requestedBy,
            OffsetDateTime requestedAt) {

        static PostCrisis of(PostCrisisRequest r) {
            return new PostCrisis(r.requestId, r.caseId, r.orgUnitCode, r.title, r.brief, r.forms, r.quantity, r.dueDate,
                    r.requestedBy, r.requestedAt);
        }
    }

    static Long seconds(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }
}
