package vn.commops.indicator.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Scorecard", description = "A unit and each of its children judged on the same indicators")
public record Scorecard(
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "202405") String period,
        @Schema(examples = "2024-05-31") LocalDate asOf,
        @Schema(description = "The unit's own evaluations (its whole subtree)",
                examples = "[{\"indicatorCode\": \"NEW_HI_PARTICIPANTS\", \"orgUnitCode\": \"LC\", \"orgUnitName\": "
                        + "\"Tỉnh Lào Cai\", \"period\": \"202405\", \"asOf\": \"2024-05-20\", \"value\": 1837, "
                        + "\"target\": 2000, \"targetVersion\": 1, \"elapsedShare\": 0.6452, \"expectedByNow\": "
                        + "1290.4, \"achievementPercent\": 91.85, \"status\": \"ON_TRACK\"}]")
        List<Evaluation> unit,
        @Schema(description = "One row per direct child, by code",
                examples = "[{\"orgUnitCode\": \"LC-HOPHAI\", \"orgUnitName\": \"Xã Hồ Phai\", \"evaluations\": "
                        + "[{\"indicatorCode\": \"NEW_HI_PARTICIPANTS\", \"orgUnitCode\": \"LC-HOPHAI\", "
                        + "\"orgUnitName\": \"Xã Hồ Phai\", \"period\": \"202405\", \"asOf\": \"2024-05-20\", "
                        + "\"value\": 96, \"target\": 120, \"targetVersion\": 1, \"elapsedShare\": 0.6452, "
                        + "\"expectedByNow\": 77.42, \"achievementPercent\": 80, \"status\": \"ON_TRACK\"}]}]")
        List<Row> children) {

    @Schema(name = "ScorecardRow")
    public record Row(@Schema(examples = "LC-HOPHAI") String orgUnitCode, @Schema(examples = "Xã Hồ Phai")
            String orgUnitName,
            @Schema(examples = "[{\"indicatorCode\": \"NEW_HI_PARTICIPANTS\", \"orgUnitCode\": \"LC-HOPHAI\", "
                    + "\"orgUnitName\": \"Xã Hồ Phai\", \"period\": \"202405\", \"asOf\": \"2024-05-20\", "
                    + "\"value\": 96, \"target\": 120, \"targetVersion\": 1, \"elapsedShare\": 0.6452, "
                    + "\"expectedByNow\": 77.42, \"achievementPercent\": 80, \"status\": \"ON_TRACK\"}]")
            List<Evaluation> evaluations) {
    }
}
