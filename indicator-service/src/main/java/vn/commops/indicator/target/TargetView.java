package vn.commops.indicator.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.indicator.indicator.Decimals;

@Schema(name = "Target", description = "One version of a target")
public record TargetView(
        UUID id,
        @Schema(examples = "NEW_HI_PARTICIPANTS") String indicatorCode,
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "202405") String period,
        @Schema(examples = "2000") BigDecimal value,
        @Schema(examples = "2024-05-01") LocalDate effectiveFrom,
        @Schema(description = "1 for the first target of this indicator, unit and period, +1 per new version",
                examples = "1") int version,
        @Schema(description = "The target this one was cascaded from") UUID parentTargetId,
        @Schema(examples = "national-admin") String createdBy,
        OffsetDateTime createdAt) {

    public static TargetView of(Target target) {
        return new TargetView(target.id, target.indicatorCode, target.orgUnitCode, target.periodId,
                Decimals.plain(target.value), target.effectiveFrom, target.version, target.parentTargetId,
                target.createdBy, target.createdAt);
    }
}
