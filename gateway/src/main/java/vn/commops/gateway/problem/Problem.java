package vn.commops.gateway.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An RFC 9457 problem details body, in the same shape the services answer with (their
 * {@code Problem} contract lives in the `common` module, which the gateway must not depend on).
 * {@code errors} names the fields or parameters at fault, when there are any.
 *
 * <p>A problem is written in English where it arises, and put in the client's language only when it
 * is sent ({@link #in}), so that logs read the same whoever asked. {@code wording} says which texts
 * of {@link ProblemTexts} say it in another language, and with which values; it is never sent.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        @JsonIgnore Wording wording) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:commops:problem:";

    /** A field at fault, by its JSON path in the body ({@code orgUnits[1]}), or a parameter or header by its name. */
    public record FieldError(String field, String message) {
    }

    /**
     * The bundle keys' stem ({@code <key>.detail}, {@code <key>.message}) and the values their patterns
     * take. The stem is the type's slug unless one type has several details.
     */
    public record Wording(String key, List<Object> values) {
    }

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, List.of(), new Wording(slug, List.of()));
    }

    /** A problem with one field at fault; the detail says it as {@code field: message}. */
    public static Problem ofField(int status, String slug, String title, String field, String message, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, field + ": " + message, instance,
                List.of(new FieldError(field, message)), new Wording(slug, List.of()));
    }

    /** The same problem, said in other languages by the texts under {@code key} with these values. */
    public Problem worded(String key, Object... values) {
        return new Problem(type, title, status, detail, instance, errors, new Wording(key, Arrays.asList(values)));
    }

    /** As a client reading {@code language} is told it; the type, status, instance and field names never change. */
    public Problem in(Locale language) {
        if (wording == null) {
            return this; // already said in a language
        }
        String slug = type.substring(TYPE_PREFIX.length());
        Object[] values = wording.values().toArray();
        List<FieldError> fields = errors.stream()
                .map(e -> new FieldError(e.field(),
                        ProblemTexts.fieldMessage(language, wording.key(), e.message(), values)))
                .toList();
        String said = errors.isEmpty() ? ProblemTexts.detail(language, wording.key(), detail, values)
                : fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new Problem(type, ProblemTexts.title(language, slug, status, title), status, said, instance, fields,
                null);
    }
}
