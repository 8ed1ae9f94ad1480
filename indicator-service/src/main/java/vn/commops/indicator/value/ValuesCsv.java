package vn.commops.indicator.value;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.Column;

/** Indicator values as CSV, for spreadsheets. */
public final class ValuesCsv {

    public static final String MEDIA_TYPE = Csv.MEDIA_TYPE;

    /** The columns of an indicator-values export, CSV or XLSX; new columns only ever go at the end. */
    public static final List<Column<IndicatorValue>> COLUMNS = List.of(
            Column.of("indicatorCode", IndicatorValue::indicatorCode),
            Column.of("orgUnitCode", IndicatorValue::orgUnitCode),
            Column.of("orgUnitName", IndicatorValue::orgUnitName),
            Column.of("period", IndicatorValue::period),
            Column.of("startDate", IndicatorValue::startDate),
            Column.of("endDate", IndicatorValue::endDate),
            Column.of("value", v -> number(v.value())),
            Column.of("numerator", v -> number(v.numerator())),
            Column.of("denominator", v -> number(v.denominator())));

    private ValuesCsv() {
    }

    public static String write(List<IndicatorValue> values) {
        StringWriter text = new StringWriter();
        Csv.Out csv = Csv.writer(text, "indicatorCode", "orgUnitCode", "orgUnitName", "period", "startDate",
                "endDate", "value", "numerator", "denominator");
        for (IndicatorValue v : values) {
            csv.row(v.indicatorCode(), v.orgUnitCode(), v.orgUnitName(), v.period(), v.startDate(), v.endDate(),
                    number(v.value()), number(v.numerator()), number(v.denominator()));
        }
        csv.flush();
        return text.toString();
    }

    /** A whole value without its ".0", a fraction without trailing zeros, never in exponent form. */
    public static BigDecimal number(Double value) {
        if (value == null) {
            return null;
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? BigDecimal.valueOf(value.longValue())
                : BigDecimal.valueOf(value).stripTrailingZeros();
    }
}
