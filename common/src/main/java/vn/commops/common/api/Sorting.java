package vn.commops.common.api;

import io.quarkus.panache.common.Sort;
import java.util.Map;
import vn.commops.common.problem.ProblemException;

/** Maps a client's {@code sort} parameter onto allowed entity fields; anything else is a 400 naming the field. */
public final class Sorting {

    private Sorting() {
    }

    /**
     * @param sort     the client's value, e.g. {@code -createdAt}; null for the default
     * @param allowed  client field name to entity attribute
     * @param fallback the sort when none is asked for
     */
    public static Sort of(String sort, Map<String, String> allowed, Sort fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        String attribute = allowed.get(field);
        if (attribute == null) {
            throw ProblemException.badRequest("invalid-sort", "sort",
                    "cannot sort by '" + field + "'; use one of " + allowed.keySet().stream().sorted().toList());
        }
        return descending ? Sort.descending(attribute) : Sort.ascending(attribute);
    }
}
