package vn.commops.crisis.classification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClassificationRuleRequest", description = "A rule: KEYWORD rules list keywords (any one, as whole "
        + "words), REGEX rules give a pattern; both match with or without diacritics. It sets a topic, a sentiment, "
        + "the false-information flag, or any of them.")
public record RuleRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Tin giả về rút một lần") String name,
        @NotNull @Schema(examples = "KEYWORD") MatchKind matchKind,
        @Size(max = 100) @Schema(description = "For KEYWORD rules", examples = "[\"tin giả\", \"fake news\"]")
        List<@NotBlank @Size(max = 200) String> keywords,
        @Size(max = 500) @Schema(description = "For REGEX rules; tried on the text as written and folded",
                examples = "nghe (noi|don).{0,60}bo rut") String pattern,
        @Pattern(regexp = "^[a-z]{2}$", message = "must be a two-letter ISO 639-1 code")
        @Schema(description = "The language it is written in", examples = "vi") String language,
        @NotNull @Min(0) @Max(1000) @Schema(description = "Higher decides first", examples = "60") Integer priority,
        @Schema(examples = "FALSE_INFORMATION") String topicCode,
        @Schema(examples = "NEGATIVE") Sentiment sentiment,
        @Schema(examples = "true") Boolean falseInformation,
        @Schema(description = "True when omitted", examples = "true") Boolean active) {
}
