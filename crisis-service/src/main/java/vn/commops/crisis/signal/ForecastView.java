package vn.commops.crisis.signal;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VolumeForecast", description = "Expected feedback volume of a topic in a unit's subtree, window by window")
public record ForecastView(
        @Schema(examples = "ONE_TIME_WITHDRAWAL") String topicCode,
        @Schema(examples = "LC") String orgUnitCode,
        OffsetDateTime generatedAt,
        @Schema(description = "How the numbers were made", examples = "Median of the same time of the week "
                + "±2 windows over the previous 4 weeks, times the last day's level against its usual (1.35) "
                + "fading by 0.85 a window")
        String method,
        @Schema(examples = "[{\"windowStart\": \"2025-03-12T10:00:00+07:00\", "
                + "\"windowEnd\": \"2025-03-12T11:00:00+07:00\", \"expected\": 6.5, \"low\": 1.4, \"high\": 11.6}]")
        List<Point> points) {

    @Schema(name = "VolumeForecastPoint")
    public record Point(OffsetDateTime windowStart, OffsetDateTime windowEnd,
            @Schema(examples = "6.5") double expected,
            @Schema(description = "Lower end of the usual range", examples = "1.4") double low,
            @Schema(description = "Upper end of the usual range", examples = "11.6") double high) {
    }
}
