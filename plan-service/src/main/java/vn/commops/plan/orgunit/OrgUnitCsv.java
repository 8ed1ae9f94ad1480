package vn.commops.plan.orgunit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.commops.common.csv.Csv;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * Reads a hierarchy CSV: a header naming the columns {@code code,name,levelCode,parentCode,validFrom}
 * (any order, the last two optional), then one unit per line ({@link Csv}: quoted fields keep names with
 * commas).
 */
final class OrgUnitCsv {

    private static final List<String> REQUIRED = List.of("code", "name", "levelcode");

    private OrgUnitCsv() {
    }

    static List<OrgUnitImport.Row> parse(String text) {
        List<List<String>> records = Csv.rows(text).stream().filter(record -> !isBlank(record)).toList();
        if (records.isEmpty()) {
            throw ProblemException.badRequest("empty-import", "body", "the CSV has no header line");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw ProblemException.badRequest("csv-column-missing", "body",
                        "the header must name the columns code, name, levelCode (and optionally parentCode, validFrom)");
            }
        }
        List<OrgUnitImport.Row> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            String validFrom = cell(record, columns, "validfrom");
            LocalDate date = null;
            Problem.FieldError unreadable = null;
            try {
                date = validFrom == null ? null : LocalDate.parse(validFrom);
            } catch (DateTimeParseException e) {
                unreadable = new Problem.FieldError("validFrom", "'" + validFrom + "' is not a date (yyyy-MM-dd)");
            }
            rows.add(new OrgUnitImport.Row(new OrgUnitRequest(cell(record, columns, "code"),
                    cell(record, columns, "name"), cell(record, columns, "levelcode"),
                    cell(record, columns, "parentcode"), date), unreadable));
        }
        return rows;
    }

    private static String cell(List<String> record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static boolean isBlank(List<String> record) {
        return record.size() == 1 && record.get(0).isBlank();
    }
}
