package vn.commops.common.export;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of an export: a stable header (the JSON field's name, so that a file reads like the
 * API and, for activities, goes back in through the CSV import) and how a row's cell is taken.
 */
public record Column<T>(String header, Function<T, ?> value) {

    public static <T> Column<T> of(String header, Function<T, ?> value) {
        return new Column<>(header, value);
    }

    /** A collection as one cell, items separated by {@code ;} as the CSV import reads them. */
    public static <T> Column<T> joined(String header, Function<T, ? extends Collection<?>> values) {
        return new Column<>(header, row -> {
            Collection<?> items = values.apply(row);
            return items == null ? null : items.stream().map(String::valueOf).collect(Collectors.joining(";"));
        });
    }

    static <T> String[] headers(List<Column<T>> columns) {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }

    static <T> Object[] cells(List<Column<T>> columns, T row) {
        Object[] cells = new Object[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = columns.get(i).value().apply(row);
        }
        return cells;
    }
}
