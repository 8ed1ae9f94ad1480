package vn.commops.indicator.statistic;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatisticRow", description = "One reported figure: a statistic of a unit for a period")
public record StatisticRow(
        @Schema(examples = "VN") String orgUnit,
        @Schema(examples = "LABOUR_FORCE") String dataElement,
        @Schema(description = "2024, 2024Q2, 202405, 2024W20 or 20240513", examples = "2022") String period,
        @Digits(integer = 20, fraction = 4) @Schema(examples = "45960000") BigDecimal value) {
}
