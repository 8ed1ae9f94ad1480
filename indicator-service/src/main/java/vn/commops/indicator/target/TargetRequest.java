package vn.commops.indicator.target;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetRequest", description = "A target for an indicator, unit and period, in force from a date")
public record TargetRequest(
        @NotBlank @Schema(examples = "NEW_HI_PARTICIPANTS") String indicatorCode,
        @NotBlank @Schema(examples = "LC") String orgUnitCode,
        @NotBlank @Schema(description = "2024, 2024Q2, 202405, 2024W20 or 20240513", examples = "202405") String period,
        @NotNull @DecimalMin("0") @Digits(integer = 20, fraction = 4) @Schema(examples = "2000") BigDecimal value,
        @Schema(description = "From when this version is in force; today when absent", examples = "2024-05-01")
        LocalDate effectiveFrom) {
}
