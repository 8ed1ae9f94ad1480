package vn.commops.indicator.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Scorecard", description = "A unit and each of its children judged on the same indicators")
public record Scorecard(
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "202405") String period,
        @Schema(examples = "2024-05-31") LocalDate asOf,
        @Schema(description = "The unit's own evaluations (its whole subtree)") List<Evaluation> unit,
        @Schema(description = "One row per direct child, by code") List<Row> children) {

    @Schema(name = "ScorecardRow")
    public record Row(@Schema(examples = "LC-HOPHAI") String orgUnitCode, @Schema(examples = "Xã Hồ Phai")
            String orgUnitName, List<Evaluation> evaluations) {
    }
}
