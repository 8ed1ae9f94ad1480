package vn.commops.crisis.classification;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackClassification", description = "Topic, sentiment and false-information flag, with why")
public record ClassificationView(
        @Schema(examples = "FALSE_INFORMATION") String topicCode,
        Sentiment sentiment,
        boolean falseInformation,
        @Schema(description = "The rules that matched, highest priority first") List<MatchedRule> matchedRules,
        OffsetDateTime classifiedAt,
        @Schema(description = "Decided by an analyst; rules leave it alone") boolean overridden,
        String overriddenBy,
        String overrideReason,
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
