package vn.commops.crisis.feedback;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.commops.crisis.classification.ClassificationView;
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
        @Schema(examples = "@nguoidan.lc") String authorHandle,
        @Schema(examples = "12000") long reach,
        @Schema(examples = "340") long engagement,
        String inReplyTo,
        OffsetDateTime receivedAt,
        ClassificationView classification,
        @Schema(description = "The cluster of near-duplicates it belongs to") UUID clusterId,
        @Schema(description = "Whether a contact is on file (the contact itself is restricted)") boolean hasContact) {

    static FeedbackView of(Feedback feedback, boolean hasContact) {
        return new FeedbackView(feedback.id, feedback.channel, feedback.text, feedback.language, feedback.orgUnitCode,
                feedback.sourceId, feedback.sourceLink, feedback.authorHandle, feedback.reach, feedback.engagement,
                feedback.inReplyTo, feedback.receivedAt, ClassificationView.of(feedback.classification), feedback.clusterId, hasContact);
    }
}
