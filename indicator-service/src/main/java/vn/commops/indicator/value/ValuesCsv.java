package vn.commops.indicator.value;

import java.math.BigDecimal;
import java.util.List;

/** Indicator values as CSV (RFC 4180), for spreadsheets. */
public final class ValuesCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private ValuesCsv() {
    }

    public static String write(List<IndicatorValue> values) {
        StringBuilder csv = new StringBuilder(
                "indicatorCode,orgUnitCode,orgUnitName,period,startDate,endDate,value,numerator,denominator\r\n");
        for (IndicatorValue v : values) {
            csv.append(quote(v.indicatorCode())).append(',').append(quote(v.orgUnitCode())).append(',')
                    .append(quote(v.orgUnitName())).append(',').append(quote(v.period())).append(',')
                    .append(v.startDate()).append(',').append(v.endDate()).append(',')
                    .append(number(v.value())).append(',').append(number(v.numerator())).append(',')
                    .append(number(v.denominator())).append("\r\n");
        }
        return csv.toString();
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String quote(String text) {
        if (text == null) {
            return "";
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
