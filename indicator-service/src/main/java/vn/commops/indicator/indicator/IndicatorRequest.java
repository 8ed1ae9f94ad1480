package vn.commops.indicator.indicator;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IndicatorRequest", description = "An indicator's definition: value = factor × numerator / denominator")
public record IndicatorRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "upper-case letters, digits and '_'")
        @Schema(examples = "SI_COVERAGE_LABOUR_FORCE") String code,
        @NotBlank @Size(max = 300)
        @Schema(examples = "Tỷ lệ người tham gia BHXH so với lực lượng lao động trong độ tuổi") String name,
        @Size(max = 2000)
        @Schema(examples = "Social-insurance participants as a share of the labour force of working age "
                + "(2022: 38.08 %)")
        String description,
        @NotBlank @Size(max = 50) @Schema(description = "What the value is counted in", examples = "%") String unit,
        @NotBlank @Size(max = 1000)
        @Schema(description = "Formula over data element codes: + - * / ( ), numbers, and CODE[FORM] to count one "
                + "form of activity, CODE{sex|age|group:CATEGORY} to count one category of a breakdown "
                + "(ATTENDANCE{group:STUDENTS}, NEW_SOCIAL_INSURANCE[SMALL_GROUP]{sex:FEMALE})", examples = "SOCIAL_INSURANCE_PARTICIPANTS") String numerator,
        @Size(max = 1000) @Schema(description = "Formula, or absent for 1", examples = "LABOUR_FORCE") String denominator,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 6)
        @Schema(description = "1, 100 for a percentage, 1000 per thousand, 1000000 per million", examples = "100")
        BigDecimal factor,
        @NotNull AggregationType aggregationType,
        @NotNull PeriodType periodType) {
}
