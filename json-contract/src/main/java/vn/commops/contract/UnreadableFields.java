package vn.commops.contract;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.Collection;

/**
 * What a client is told of a field its JSON holds but a service or the gateway cannot read: where,
 * by its JSON path, and what was expected, in the API's words rather than Jackson's class names.
 */
public final class UnreadableFields {

    private UnreadableFields() {
    }

    /** Jackson's reference chain as a JSON path a client recognises: {@code outcomes[2].count}. */
    public static String fieldOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /**
     * What the parser found wrong with a body that is not JSON at all (a syntax error, a bound of
     * {@link StrictJson} passed), as the parser says it less the name of its settings; empty for
     * any other failure, whose message would name the service's classes.
     */
    public static String syntaxError(JsonProcessingException e) {
        boolean syntax = e instanceof JsonParseException || e instanceof StreamConstraintsException;
        if (!syntax || e.getOriginalMessage() == null) {
            return "";
        }
        return e.getOriginalMessage().lines().findFirst().orElse("")
                .replaceAll(", from `StreamReadConstraints\\.\\w+\\(\\)`", "");
    }

    public static String why(JsonMappingException e) {
        if (e.getCause() instanceof InputCoercionException) {
            return "is out of range for its type";
        }
        if (e instanceof TextValues.UnstorableText) {
            return e.getOriginalMessage();
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "cannot be read";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "cannot be read as an array";
        }
        return "cannot be read as " + switch (target.getSimpleName()) {
            case "OffsetDateTime" -> "a date-time with offset, e.g. 2024-05-13T08:00:00+07:00";
            case "LocalDate" -> "a date, e.g. 2024-05-13";
            case "UUID" -> "a UUID";
            case "Integer", "int", "Long", "long", "Short", "short" -> "a whole number";
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text";
            default -> target.isRecord() ? "an object" : "a value of type " + target.getSimpleName();
        };
    }
}
