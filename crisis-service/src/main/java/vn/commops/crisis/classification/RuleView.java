package vn.commops.crisis.classification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClassificationRule")
public record RuleView(UUID id, String name, MatchKind matchKind, List<String> keywords, String pattern,
        String language, int priority, String topicCode, Sentiment sentiment, Boolean falseInformation,
        boolean active, OffsetDateTime updatedAt, @Schema(examples = "crisis-analyst") String updatedBy, int version) {

    static RuleView of(ClassificationRule rule) {
        return new RuleView(rule.id, rule.name, rule.matchKind, rule.keywords, rule.pattern, rule.language,
                rule.priority, rule.topicCode, rule.sentiment, rule.falseInformation, rule.active, rule.updatedAt,
                rule.updatedBy, rule.version);
    }
}
