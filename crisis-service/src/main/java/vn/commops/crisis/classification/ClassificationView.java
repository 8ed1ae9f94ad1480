package vn.commops.crisis.classification;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackClassification", description = "Topic, sentiment and false-information flag, with why")
public record ClassificationView(
        @Schema(examples = "FALSE_INFORMATION") String topicCode,
        Sentiment sentiment,
        @Schema(examples = "true") boolean falseInformation,
        @Schema(description = "The rules that matched, highest priority first",
                examples = "[{\"ruleId\": \"4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d\", \"ruleName\": \"Tin giả\", "
                        + "\"priority\": 50, \"matched\": \"tin đồn\", \"topicCode\": \"FALSE_INFORMATION\", "
                        + "\"sentiment\": \"NEGATIVE\", \"falseInformation\": true, "
                        + "\"decided\": [\"topic\", \"falseInformation\"]}]")
        List<MatchedRule> matchedRules,
        OffsetDateTime classifiedAt,
        @Schema(description = "Decided by an analyst; rules leave it alone", examples = "false") boolean overridden,
        @Schema(examples = "crisis-analyst") String overriddenBy,
        @Schema(examples = "Người dân hỏi lại chính sách, không lan truyền tin sai") String overrideReason,
        OffsetDateTime overriddenAt) {

    public static ClassificationView of(Classification c) {
        if (c == null) {
            return null;
        }
        return new ClassificationView(c.topicCode, c.sentiment, c.falseInformation,
                c.matchedRules == null ? List.of() : c.matchedRules, c.classifiedAt, c.overridden, c.overriddenBy,
                c.overrideReason, c.overriddenAt);
    }
}
