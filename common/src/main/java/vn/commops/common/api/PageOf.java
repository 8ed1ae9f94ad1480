package vn.commops.common.api;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with what a client needs to ask for the next. */
public record PageOf<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Zero-based page index", examples = "0") int page,
        @Schema(description = "Page size asked for", examples = "50") int size,
        @Schema(description = "Items matching the filters, across all pages", examples = "120") long totalItems) {

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
