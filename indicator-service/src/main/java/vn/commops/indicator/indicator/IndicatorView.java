package vn.commops.indicator.indicator;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Indicator", description = "An indicator's definition")
public record IndicatorView(
        @Schema(examples = "SI_COVERAGE_LABOUR_FORCE") String code,
        @Schema(examples = "Tỷ lệ người tham gia BHXH so với lực lượng lao động trong độ tuổi") String name,
        @Schema(examples = "Social-insurance participants as a share of the labour force of working age "
                + "(2022: 38.08 %)")
        String description,
        @Schema(examples = "%") String unit,
        @Schema(examples = "SOCIAL_INSURANCE_PARTICIPANTS") String numerator,
        @Schema(examples = "LABOUR_FORCE") String denominator,
        @Schema(examples = "100") BigDecimal factor,
        AggregationType aggregationType,
        PeriodType periodType,
        @Schema(description = "Raised by every change", examples = "1") int version) {

    public static IndicatorView of(Indicator indicator) {
        return new IndicatorView(indicator.code, indicator.name, indicator.description, indicator.unit,
                indicator.numerator, indicator.denominator, Decimals.plain(indicator.factor),
                indicator.aggregationType, indicator.periodType, indicator.version);
    }
}
