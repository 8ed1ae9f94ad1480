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
        @Schema(examples = "[{\"row\": 0, \"orgUnit\": \"LC\", \"dataElement\": \"LABOUR_FORCE\", \"period\": "
                + "\"2023\", \"outcome\": \"CREATED\", \"errors\": []}, {\"row\": 1, \"orgUnit\": \"LC\", "
                + "\"dataElement\": \"POPULATION\", \"period\": \"2023\", \"outcome\": \"CREATED\", \"errors\": []}, "
                + "{\"row\": 2, \"orgUnit\": \"VN\", \"dataElement\": \"LABOUR_FORCE\", \"period\": \"2022\", "
                + "\"outcome\": \"UNCHANGED\", \"errors\": []}]")
        List<RowResult> rows) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    @Schema(name = "StatisticsUploadRow")
    public record RowResult(
            @Schema(description = "0-based index of the row (CSV: data rows after the header)", examples = "0") int row,
            @Schema(examples = "LC") String orgUnit, @Schema(examples = "LABOUR_FORCE") String dataElement,
            @Schema(examples = "2023") String period, Outcome outcome,
            @Schema(description = "Why a row was rejected, by field",
                    examples = "[{\"field\": \"value\", \"message\": \"must not be negative\"}]")
            List<Problem.FieldError> errors) {
    }
}
