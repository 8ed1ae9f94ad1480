package vn.commops.crisis.answer;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackAnswer")
public record AnswerView(UUID id, UUID feedbackId, OffsetDateTime answerBy,
        @Schema(examples = "Chính sách rút BHXH một lần không thay đổi.") String text,
        OffsetDateTime answeredAt,
        @Schema(examples = "lc-officer") String answeredBy,
        AnswerStatus status,
        @Schema(examples = "2") int version) {

    static AnswerView of(Answer answer, OffsetDateTime now) {
        return new AnswerView(answer.id, answer.feedbackId, answer.answerBy, answer.text, answer.answeredAt,
                answer.answeredBy, answer.status(now), answer.version);
    }
}
