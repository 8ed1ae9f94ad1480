package vn.commops.crisis.feedback;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Feedback as listed: never the person's contact. */
@Schema(name = "Feedback")
public record FeedbackView(
        UUID id,
        FeedbackChannel channel,
        String text,
        String language,
        String orgUnitCode,
        String sourceId,
        String sourceLink,
        OffsetDateTime receivedAt,
        @Schema(description = "Whether a contact is on file (the contact itself is restricted)") boolean hasContact) {

    static FeedbackView of(Feedback feedback, boolean hasContact) {
        return new FeedbackView(feedback.id, feedback.channel, feedback.text, feedback.language, feedback.orgUnitCode,
                feedback.sourceId, feedback.sourceLink, feedback.receivedAt, hasContact);
    }
}
