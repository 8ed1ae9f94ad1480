package vn.commops.indicator.target;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetCascadeRequest", description = "Shares of a parent's target handed to its direct children")
public record CascadeRequest(
        @NotEmpty @Valid
        @Schema(examples = "[{\"orgUnitCode\": \"LC-HOPHAI\", \"value\": 120}, "
                + "{\"orgUnitCode\": \"LC-SAPA\", \"value\": 250}]")
        List<Share> children,
        @Schema(description = "From when the children's targets are in force; the parent's date when absent",
                examples = "2024-05-01") LocalDate effectiveFrom) {

    @Schema(name = "TargetShare")
    public record Share(
            @NotBlank @Schema(examples = "LC-HOPHAI") String orgUnitCode,
            @NotNull @DecimalMin("0") @Digits(integer = 20, fraction = 4) @Schema(examples = "120") BigDecimal value) {
    }
}
