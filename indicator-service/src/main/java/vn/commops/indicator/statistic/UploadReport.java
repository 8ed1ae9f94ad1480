package vn.commops.indicator.statistic;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.problem.Problem;

@Schema(name = "StatisticsUploadReport", description = "What happened to each row of an upload")
public record UploadReport(
        @Schema(examples = "2") int created,
        @Schema(examples = "0") int updated,
        @Schema(description = "Rows whose value was already stored", examples = "1") int unchanged,
        @Schema(examples = "0") int rejected,
        List<RowResult> rows) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    @Schema(name = "StatisticsUploadRow")
    public record RowResult(
            @Schema(description = "0-based index of the row (CSV: data rows after the header)", examples = "0") int row,
            String orgUnit, String dataElement, String period, Outcome outcome,
            @Schema(description = "Why a row was rejected, by field") List<Problem.FieldError> errors) {
    }
}
