package vn.commops.indicator.dataelement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DataElement", description = "A quantity indicator formulas are written over")
public record DataElementView(
        @Schema(examples = "LABOUR_FORCE") String code,
        @Schema(examples = "Lực lượng lao động trong độ tuổi") String name,
        @Schema(description = "ACTIVITY: summed from activity events, may be filtered by form as CODE[FORM]; "
                + "STATISTIC: uploaded per unit and period") DataElementKind kind,
        @Schema(examples = "People of working age in the labour force") String description) {

    static DataElementView of(DataElement element) {
        return new DataElementView(element.code, element.name, element.kind, element.description);
    }
}
