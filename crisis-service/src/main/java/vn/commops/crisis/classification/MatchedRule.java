package vn.commops.crisis.classification;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why feedback was classified as it was: one rule that matched, what it matched and what it decided. */
@Schema(name = "MatchedRule")
public record MatchedRule(
        UUID ruleId,
        @Schema(examples = "Tin giả") String ruleName,
        @Schema(examples = "50") int priority,
        @Schema(description = "The text the rule recognised", examples = "tin đồn") String matched,
        @Schema(description = "What the rule sets", examples = "FALSE_INFORMATION") String topicCode,
        Sentiment sentiment,
        @Schema(examples = "true") Boolean falseInformation,
        @Schema(description = "What this rule decided (a higher-priority rule decides first)",
                examples = "[\"topic\", \"falseInformation\"]") List<String> decided) {
}
