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
        @Schema(examples = "Nghe nói từ tháng sau bỏ rút BHXH một lần, ai cần thì rút ngay đi") String text,
        @Schema(examples = "vi") String language,
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "post-99121") String sourceId,
        @Schema(examples = "https://facebook.com/groups/1/posts/2") String sourceLink,
        @Schema(examples = "@nguoidan.lc") String authorHandle,
        @Schema(examples = "12000") long reach,
        @Schema(examples = "340") long engagement,
        @Schema(examples = "post-99120") String inReplyTo,
        OffsetDateTime receivedAt,
        ClassificationView classification,
        @Schema(description = "The cluster of near-duplicates it belongs to") UUID clusterId,
        @Schema(description = "Whether a contact is on file, not erased (the contact itself is restricted)", examples = "false")
        boolean hasContact) {

    static FeedbackView of(Feedback feedback, boolean hasContact) {
        return new FeedbackView(feedback.id, feedback.channel, feedback.text, feedback.language, feedback.orgUnitCode,
                feedback.sourceId, feedback.sourceLink, feedback.authorHandle, feedback.reach, feedback.engagement,
                feedback.inReplyTo, feedback.receivedAt, ClassificationView.of(feedback.classification), feedback.clusterId, hasContact);
    }
}
