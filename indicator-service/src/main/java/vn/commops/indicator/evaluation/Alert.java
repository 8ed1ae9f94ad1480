package vn.commops.indicator.evaluation;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IndicatorAlert", description = "A unit behind its expected-by-now target")
public record Alert(
        @Schema(examples = "NEW_HI_PARTICIPANTS") String indicatorCode,
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "202405") String period,
        @Schema(examples = "310") Double value,
        @Schema(examples = "2000") double target,
        @Schema(examples = "1000") double expectedByNow,
        @Schema(description = "value / target, in percent", examples = "15.5") Double achievementPercent,
        OffsetDateTime raisedAt,
        @Schema(description = "When the unit caught up; null while it is behind") OffsetDateTime resolvedAt) {
}
