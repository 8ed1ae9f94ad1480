package vn.commops.crisis.answer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;
import vn.commops.crisis.feedback.Feedback;
import vn.commops.crisis.feedback.FeedbackEvents;

/**
 * An answer owed and given, on {@code feedback} keyed by feedback id. The answer's text is written to a
 * person and stays in crisis-service, like the feedback's own text.
 */
@ApplicationScoped
public class AnswerEvents {

    public static final String OPENED = "feedback.answer-opened";
    public static final String ANSWERED = "feedback.answered";

    private final EventPublisher publisher;

    AnswerEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record Opened(UUID answerId, UUID feedbackId, String orgUnitCode, OffsetDateTime answerBy,
            String openedBy, OffsetDateTime openedAt) {
    }

    public record Answered(UUID answerId, UUID feedbackId, String orgUnitCode, OffsetDateTime answerBy,
            String answeredBy, OffsetDateTime answeredAt) {
    }

    void opened(Answer answer, Feedback feedback) {
        publisher.publish(FeedbackEvents.TOPIC, OPENED, feedback.id.toString(), new Opened(answer.id, feedback.id,
                feedback.orgUnitCode, answer.answerBy, answer.createdBy, answer.createdAt));
    }

    void answered(Answer answer, Feedback feedback) {
        publisher.publish(FeedbackEvents.TOPIC, ANSWERED, feedback.id.toString(), new Answered(answer.id, feedback.id,
                feedback.orgUnitCode, answer.answerBy, answer.answeredBy, answer.answeredAt));
    }
}
