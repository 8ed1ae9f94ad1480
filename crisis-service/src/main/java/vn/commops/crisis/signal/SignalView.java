package vn.commops.crisis.signal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CrisisSignal", description = "An unusual rise of feedback on a topic in a unit's subtree")
public record SignalView(
        UUID id,
        @Schema(examples = "FALSE_INFORMATION") String topicCode,
        @Schema(examples = "LC") String orgUnitCode,
        OffsetDateTime windowStart,
        OffsetDateTime windowEnd,
        @Schema(description = "Items in the window", examples = "42") int volume,
        @Schema(description = "The usual volume for this time of the week", examples = "1.5") double baseline,
        @Schema(description = "Robust z-score of the volume against the baseline", examples = "18.2") double score,
        @Schema(examples = "42 feedback items on Thông tin sai sự thật (FALSE_INFORMATION) in BHXH tỉnh Lào Cai (LC) "
                + "between 2025-03-12 02:00 UTC and 2025-03-12 03:00 UTC, against a usual 1.5 for this time of the "
                + "week (median of 20 windows: the same time ±2 in the previous 4 weeks, spread 2.2); robust "
                + "z-score 18.2")
        String explanation,
        OffsetDateTime raisedAt,
        @Schema(description = "The crisis case opened from it") UUID caseId) {

    public static SignalView of(CrisisSignal signal) {
        return new SignalView(signal.id, signal.topicCode, signal.orgUnitCode, signal.windowStart, signal.windowEnd,
                signal.volume, signal.baseline, signal.score, signal.explanation, signal.raisedAt, signal.caseId);
    }
}
