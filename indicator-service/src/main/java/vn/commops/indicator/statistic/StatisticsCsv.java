package vn.commops.indicator.statistic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.commops.common.csv.Csv;
import vn.commops.common.problem.ProblemException;

/**
 * Reads an upload in CSV: a header naming the columns {@code orgUnit, dataElement, period, value} in any
 * order, then one row per figure ({@link Csv}). A value that is not a number is kept as null so the
 * row is rejected on its own rather than the whole file.
 */
final class StatisticsCsv {

    private StatisticsCsv() {
    }

    static List<StatisticRow> read(String text) {
        List<List<String>> records = Csv.rows(text);
        if (records.isEmpty()) {
            throw ProblemException.badRequest("invalid-csv", "body", "the CSV has no header row");
        }
        List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int unit = column(header, "orgunit");
        int element = column(header, "dataelement");
        int period = column(header, "period");
        int value = column(header, "value");
        List<StatisticRow> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            rows.add(new StatisticRow(cell(record, unit), cell(record, element), cell(record, period),
                    number(cell(record, value))));
        }
        return rows;
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw ProblemException.badRequest("invalid-csv", "body",
                    "the header must name the columns orgUnit, dataElement, period and value");
        }
        return index;
    }

    private static String cell(List<String> record, int index) {
        return index < record.size() && !record.get(index).isBlank() ? record.get(index).trim() : null;
    }

    private static BigDecimal number(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
