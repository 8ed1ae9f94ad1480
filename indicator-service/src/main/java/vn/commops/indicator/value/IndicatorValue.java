package vn.commops.indicator.value;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IndicatorValue", description = "An indicator's value for a unit's whole subtree in a period")
public record IndicatorValue(
        @Schema(examples = "NEW_HI_PARTICIPANTS") String indicatorCode,
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "Tỉnh Lào Cai") String orgUnitName,
        @Schema(examples = "2024W20") String period,
        @Schema(examples = "2024-05-13") LocalDate startDate,
        @Schema(examples = "2024-05-19") LocalDate endDate,
        @Schema(description = "factor × numerator / denominator, rounded to 4 decimals; null when a statistic is "
                + "missing or the denominator is zero", examples = "1837") Double value,
        @Schema(description = "The numerator's value", examples = "1837") Double numerator,
        @Schema(description = "The denominator's value; 1 when the indicator has none", examples = "1") Double denominator,
        @Schema(description = "For an indicator over cost (COST_VND): the activities left out of both sides because "
                + "they reported no cost; null for other indicators", examples = "4") Long uncostedActivitiesLeftOut) {
}
