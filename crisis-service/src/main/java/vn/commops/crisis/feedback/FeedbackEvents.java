package vn.commops.crisis.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/** Feedback facts; no text and no contact leave the service. See docs/events.md. */
@ApplicationScoped
public class FeedbackEvents {

    public static final String TOPIC = "feedback";
    public static final String RECEIVED = "feedback.received";

    private final EventPublisher publisher;

    FeedbackEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record Received(UUID feedbackId, FeedbackChannel channel, String language, String orgUnitCode,
            OffsetDateTime receivedAt) {
    }

    void received(Feedback feedback) {
        publisher.publish(TOPIC, RECEIVED, feedback.id.toString(), new Received(feedback.id, feedback.channel,
                feedback.language, feedback.orgUnitCode, feedback.receivedAt));
    }
}
