package vn.commops.indicator.target;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetCascadeRequest", description = "How a unit's target is shared out down the hierarchy and over "
        + "the parts of its period")
public record CascadeRequest(
        @Schema(description = "EVEN: equal shares; LAST_YEAR: in proportion to the actual values of the same period "
                + "a year earlier (refused when a family has none); BY_HAND: the figures in children. BY_HAND when "
                + "children are given, else EVEN", examples = "LAST_YEAR") Rule rule,
        @Min(1) @Max(6) @Schema(description = "How many levels down EVEN and LAST_YEAR go (1: the direct children)",
                defaultValue = "1", examples = "2") Integer levels,
        @Schema(description = "Also split the period into its parts (a year into quarters or months, a quarter into "
                + "months) before sharing each part down the hierarchy", examples = "QUARTER") PeriodPart splitPeriodInto,
        @Valid
        @Schema(description = "BY_HAND: a figure per unit of the subtree and period (the target's period when absent, "
                + "or one of its parts)",
                examples = "[{\"orgUnitCode\": \"LC-HOPHAI\", \"value\": 120}, "
                + "{\"orgUnitCode\": \"LC-SAPA\", \"value\": 250}]")
        List<Share> children,
        @Schema(description = "From when the new targets are in force; the parent's date when absent",
                examples = "2024-05-01") LocalDate effectiveFrom) {

    @Schema(name = "TargetCascadeRule")
    public enum Rule {
        EVEN, LAST_YEAR, BY_HAND
    }

    @Schema(name = "TargetPeriodPart")
    public enum PeriodPart {
        QUARTER, MONTH
    }

    @Schema(name = "TargetShare")
    public record Share(
            @NotBlank @Schema(examples = "LC-HOPHAI") String orgUnitCode,
            @Schema(description = "The target's period when absent", examples = "2024Q2") String period,
            @NotNull @DecimalMin("0") @Digits(integer = 20, fraction = 4) @Schema(examples = "120") BigDecimal value) {
    }

    Rule ruleOrDefault() {
        return rule != null ? rule : children != null && !children.isEmpty() ? Rule.BY_HAND : Rule.EVEN;
    }
}
