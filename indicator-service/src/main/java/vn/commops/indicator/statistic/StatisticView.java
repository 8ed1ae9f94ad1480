package vn.commops.indicator.statistic;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Statistic", description = "A stored reported figure")
public record StatisticView(
        @Schema(examples = "VN") String orgUnit,
        @Schema(examples = "LABOUR_FORCE") String dataElement,
        @Schema(examples = "2022") String period,
        @Schema(examples = "45960000") BigDecimal value,
        OffsetDateTime updatedAt,
        @Schema(examples = "national-admin") String updatedBy) {
}
