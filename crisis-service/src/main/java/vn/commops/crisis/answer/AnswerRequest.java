package vn.commops.crisis.answer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackAnswerRequest", description = "An answer owed by a deadline; with text it is answered at once")
public record AnswerRequest(
        @NotNull @Schema(description = "When the answer is due", examples = "2025-03-14T17:00:00+07:00")
        OffsetDateTime answerBy,
        @Size(min = 1, max = 10_000)
        @Schema(description = "The answer, if given now", examples = "Chính sách rút BHXH một lần không thay đổi.")
        String text) {
}
