package vn.commops.crisis.classification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClassificationRule")
public record RuleView(UUID id,
        @Schema(examples = "Tin giả về rút một lần") String name,
        MatchKind matchKind,
        @Schema(examples = "[\"tin giả\", \"fake news\"]") List<String> keywords,
        @Schema(examples = "nghe (noi|don).{0,60}bo rut") String pattern,
        @Schema(examples = "vi") String language,
        @Schema(examples = "60") int priority,
        @Schema(examples = "FALSE_INFORMATION") String topicCode,
        Sentiment sentiment,
        @Schema(examples = "true") Boolean falseInformation,
        @Schema(examples = "true") boolean active,
        OffsetDateTime updatedAt,
        @Schema(examples = "crisis-analyst") String updatedBy,
        @Schema(examples = "2") int version) {

    static RuleView of(ClassificationRule rule) {
        return new RuleView(rule.id, rule.name, rule.matchKind, rule.keywords, rule.pattern, rule.language,
                rule.priority, rule.topicCode, rule.sentiment, rule.falseInformation, rule.active, rule.updatedAt,
                rule.updatedBy, rule.version);
    }
}
