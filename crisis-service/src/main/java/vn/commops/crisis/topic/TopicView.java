package vn.commops.crisis.topic;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Topic", description = "A subject of the managed taxonomy")
public record TopicView(
        @Schema(examples = "ONE_TIME_WITHDRAWAL") String code,
        @Schema(examples = "Rút BHXH một lần") String nameVi,
        @Schema(examples = "One-time social insurance withdrawal") String nameEn,
        @Schema(examples = "Conditions, procedure and rumours about withdrawing social insurance at once")
        String description,
        @Schema(description = "Inactive topics are kept for history but no longer assigned", examples = "true")
        boolean active,
        @Schema(examples = "1") int version) {

    static TopicView of(Topic topic) {
        return new TopicView(topic.code, topic.nameVi, topic.nameEn, topic.description, topic.active, topic.version);
    }
}
