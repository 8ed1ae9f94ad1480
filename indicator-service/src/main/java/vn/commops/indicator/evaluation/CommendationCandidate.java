package vn.commops.indicator.evaluation;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CommendationCandidate", description = "A unit that achieved every target it has, with the evidence")
public record CommendationCandidate(
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "Tỉnh Lào Cai") String orgUnitName,
        @Schema(description = "Mean achievement over the indicators with a target, in percent", examples = "118.4")
        double meanAchievementPercent,
        @Schema(description = "The figures: every indicator judged") List<Evaluation> evaluations,
        @Schema(description = "Activities held in the period", examples = "197") long activities,
        @Schema(description = "Activities held in the period, by form") Map<String, Long> activitiesByForm) {
}
