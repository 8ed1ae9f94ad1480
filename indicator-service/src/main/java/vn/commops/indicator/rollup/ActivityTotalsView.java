package vn.commops.indicator.rollup;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActivityTotals", description = "Activities of a unit's whole subtree in a period")
public record ActivityTotalsView(
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "202405") String period,
        @Schema(examples = "2024-05-01") LocalDate startDate,
        @Schema(examples = "2024-05-31") LocalDate endDate,
        @Schema(description = "Activities held", examples = "197") long activities,
        @Schema(description = "People present, summed", examples = "6895") long attendance) {
}
