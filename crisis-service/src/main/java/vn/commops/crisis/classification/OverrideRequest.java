package vn.commops.crisis.classification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClassificationOverrideRequest", description = "An analyst's classification of one item")
public record OverrideRequest(
        @NotBlank @Schema(examples = "FALSE_INFORMATION") String topicCode,
        @NotNull @Schema(examples = "NEGATIVE") Sentiment sentiment,
        @NotNull @Schema(examples = "true") Boolean falseInformation,
        @NotBlank @Size(max = 1_000) @Schema(examples = "Tin đồn đã được Cổng thông tin bác bỏ ngày 12/3")
        String reason) {
}
