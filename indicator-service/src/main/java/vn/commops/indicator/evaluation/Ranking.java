package vn.commops.indicator.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Ranking", description = "A unit's place among the units of its level")
public record Ranking(
        @Schema(description = "1 for the best; ties share a rank", examples = "1") int rank,
        Evaluation evaluation) {
}
