package vn.commops.indicator.rollup;

import java.util.Collection;
import java.util.stream.Collectors;

/** PostgreSQL array literals, bound as text and cast in SQL ({@code cast(:ids as uuid[])}): one parameter for many values. */
final class PgArrays {

    private PgArrays() {
    }

    static String of(Collection<?> values) {
        return values.stream().map(value -> "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
