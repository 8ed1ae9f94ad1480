package vn.commops.crisis.answer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackAnswerText", description = "The answer given")
public record AnswerTextRequest(
        @NotBlank @Size(max = 10_000) @Schema(examples = "Chính sách rút BHXH một lần không thay đổi.") String text) {
}
