package vn.commops.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body, in the same shape the services answer with (their
 * {@code Problem} contract lives in the `common` module, which the gateway must not depend on).
 * {@code errors} names the fields or parameters at fault, when there are any.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:commops:problem:";

    /** A field at fault, by its JSON path in the body ({@code orgUnits[1]}), or a parameter or header by its name. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, List.of());
    }

    /** A problem with one field at fault; the detail says it as {@code field: message}. */
    public static Problem ofField(int status, String slug, String title, String field, String message, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, field + ": " + message, instance,
                List.of(new FieldError(field, message)));
    }
}
