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
            @Size(max = 5_000) String description,
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
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5_000) String description,
            @NotNull Severity severity,
            @Size(max = 200) String owner) {
    }

    @Schema(name = "CrisisCaseTransition", description = "Move a case on in its lifecycle")
    public record Transition(
            @NotNull @Schema(examples = "RESPONDING") CaseStatus to,
            @Size(max = 2_000) @Schema(examples = "Tin đồn lan trên 3 nhóm Facebook") String reason) {
    }

    @Schema(name = "CrisisCaseLinks", description = "Feedback items and clusters that belong to the case")
    public record Links(
            @Size(max = 1_000) List<@NotNull UUID> feedbackIds,
            @Size(max = 200) List<@NotNull UUID> clusterIds) {
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
