package vn.commops.crisis.signal;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VolumeForecast", description = "Expected feedback volume of a topic in a unit's subtree, window by window")
public record ForecastView(
        @Schema(examples = "ONE_TIME_WITHDRAWAL") String topicCode,
        @Schema(examples = "LC") String orgUnitCode,
        OffsetDateTime generatedAt,
        @Schema(description = "How the numbers were made") String method,
        List<Point> points) {

    @Schema(name = "VolumeForecastPoint")
    public record Point(OffsetDateTime windowStart, OffsetDateTime windowEnd,
            @Schema(examples = "6.5") double expected,
            @Schema(description = "Lower end of the usual range", examples = "1.4") double low,
            @Schema(description = "Upper end of the usual range", examples = "11.6") double high) {
    }
}
