package vn.commops.indicator.evaluation;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Evaluation", description = "An indicator's value for a unit and period judged against its target")
public record Evaluation(
        @Schema(examples = "NEW_HI_PARTICIPANTS") String indicatorCode,
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "Tỉnh Lào Cai") String orgUnitName,
        @Schema(examples = "202405") String period,
        @Schema(description = "The day the period is judged on: today, or the period's last day once it is over",
                examples = "2024-05-31") LocalDate asOf,
        @Schema(examples = "1837") Double value,
        @Schema(description = "The target version in force on asOf", examples = "2000") Double target,
        @Schema(examples = "1") Integer targetVersion,
        @Schema(description = "Share of the period's days elapsed on asOf, 0 to 1", examples = "0.5") double elapsedShare,
        @Schema(description = "What the elapsed share calls for: the target times the share for counted (SUM) "
                + "indicators, the whole target for rates and levels", examples = "1000") Double expectedByNow,
        @Schema(description = "value / target, in percent", examples = "91.85") Double achievementPercent,
        EvaluationStatus status) {
}
