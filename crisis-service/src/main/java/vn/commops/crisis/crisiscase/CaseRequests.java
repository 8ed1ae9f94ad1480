package vn.commops.crisis.crisiscase;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies clients send about crisis cases. */
public final class CaseRequests {

    private CaseRequests() {
    }

    @Schema(name = "CrisisCaseRequest", description = "A case to open, from a signal (topic and unit taken from it) or by hand")
    public record Open(
            @NotBlank @Size(max = 300) @Schema(examples = "Tin đồn bỏ rút BHXH một lần tại Lào Cai") String title,
            @Size(max = 5_000)
            @Schema(examples = "Từ 12/3 nhiều nhóm Facebook ở Lào Cai chia sẻ tin bỏ rút BHXH một lần từ tháng 4; "
                    + "tổng đài nhận nhiều cuộc gọi hỏi.")
            String description,
            @NotNull @Schema(examples = "HIGH") Severity severity,
            @Size(max = 200) @Schema(description = "User name of the analyst in charge", examples = "crisis-analyst")
            String owner,
            @Schema(description = "The signal it comes from") UUID signalId,
            @Schema(description = "Required without a signal", examples = "FALSE_INFORMATION") String topicCode,
            @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an org unit code")
            @Schema(description = "Required without a signal", examples = "LC") String orgUnitCode,
            @Schema(description = "WATCH (default) or OPEN when it is already a crisis", examples = "WATCH")
            CaseStatus status) {
    }

    @Schema(name = "CrisisCaseUpdate", description = "Title, description, severity and owner of a case")
    public record Update(
            @NotBlank @Size(max = 300) @Schema(examples = "Tin đồn bỏ rút BHXH một lần lan ra Yên Bái") String title,
            @Size(max = 5_000)
            @Schema(examples = "Từ 12/3 nhiều nhóm Facebook ở Lào Cai chia sẻ tin bỏ rút BHXH một lần từ tháng 4; "
                    + "tổng đài nhận nhiều cuộc gọi hỏi. Từ 14/3 tin lan sang các nhóm ở Yên Bái.")
            String description,
            @NotNull Severity severity,
            @Size(max = 200) @Schema(examples = "crisis-analyst") String owner) {
    }

    @Schema(name = "CrisisCaseTransition", description = "Move a case on in its lifecycle")
    public record Transition(
            @NotNull @Schema(examples = "RESPONDING") CaseStatus to,
            @Size(max = 2_000) @Schema(examples = "Tin đồn lan trên 3 nhóm Facebook") String reason) {
    }

    @Schema(name = "CrisisCaseLinks", description = "Feedback items and clusters that belong to the case")
    public record Links(
            @Size(max = 1_000)
            @Schema(examples = "[\"2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e\", \"3d0e5f8b-2c4a-4b7d-9e6f-8a1b2c3d4e5f\"]")
            List<@NotNull UUID> feedbackIds,
            @Size(max = 200) @Schema(examples = "[\"6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d\"]")
            List<@NotNull UUID> clusterIds) {
    }

    @Schema(name = "CrisisResponseActionRequest", description = "A response to carry out by a time")
    public record Action(
            @NotNull @Schema(examples = "REFUTATION") ResponseActionKind kind,
            @NotBlank @Size(max = 5_000)
            @Schema(examples = "Đăng bài bác bỏ tin đồn trên Cổng thông tin và fanpage") String description,
            @NotNull @Schema(examples = "2025-03-12T17:00:00+07:00") OffsetDateTime dueAt) {
    }

    @Schema(name = "CrisisResponseActionCompletion", description = "What came of a response action")
    public record Completion(
            @Size(max = 5_000) @Schema(examples = "Bài đăng lúc 15:20, 12.000 lượt xem") String outcome) {
    }

    @Schema(name = "PostCrisisCommunicationRequest", description = "Communication asked of a unit after the crisis")
    public record PostCrisis(
            @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an org unit code")
            @Schema(description = "The unit that should communicate; the case's unit when omitted", examples = "LC")
            String orgUnitCode,
            @NotBlank @Size(max = 300) @Schema(examples = "Thông tin lại về chính sách rút BHXH một lần") String title,
            @NotBlank @Size(max = 5_000)
            @Schema(examples = "Giải thích điều kiện rút BHXH một lần hiện hành và lợi ích của việc bảo lưu")
            String brief,
            @NotEmpty @Size(max = 20)
            @Schema(description = "Activity forms requested", examples = "[\"NEWS_ARTICLE\", \"SOCIAL_POST\"]")
            List<@NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,63}$", message = "must be an activity form code") String> forms,
            @NotNull @Min(1) @Max(100_000) @Schema(examples = "3") Integer quantity,
            @NotNull @Schema(examples = "2025-03-20") LocalDate dueDate) {
    }
}
