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
        @Schema(description = "The figures: every indicator judged",
                examples = "[{\"indicatorCode\": \"NEW_HI_PARTICIPANTS\", \"orgUnitCode\": \"LC\", \"orgUnitName\": "
                        + "\"Tỉnh Lào Cai\", \"period\": \"2024\", \"asOf\": \"2024-12-31\", \"value\": 28416, "
                        + "\"target\": 24000, \"targetVersion\": 2, \"elapsedShare\": 1, \"expectedByNow\": 24000, "
                        + "\"achievementPercent\": 118.4, \"status\": \"ACHIEVED\"}]")
        List<Evaluation> evaluations,
        @Schema(description = "Activities held in the period", examples = "197") long activities,
        @Schema(description = "Activities held in the period, by form",
                examples = "{\"SMALL_GROUP\": 120, \"BANNER\": 60, \"CONFERENCE\": 12, \"LIVESTREAM\": 5}")
        Map<String, Long> activitiesByForm) {
}
