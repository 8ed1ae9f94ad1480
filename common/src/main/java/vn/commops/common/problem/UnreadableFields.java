package vn.commops.common.problem;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import vn.commops.contract.TextValues;

/**
 * What a client is told of a field its JSON holds but the service cannot read: where, by its JSON
 * path, and what was expected, in the API's words rather than Jackson's class names.
 */
public final class UnreadableFields {

    private UnreadableFields() {
    }

    public static String fieldOf(JsonMappingException e) {
        return JsonPaths.of(e.getPath());
    }

    public static String why(JsonMappingException e) {
        if (e.getCause() instanceof InputCoercionException) {
            return "is out of range for its type";
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "cannot be read";
        }
        if (e instanceof TextValues.UnstorableText) {
            return e.getOriginalMessage();
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        return "cannot be read as " + switch (target.getSimpleName()) {
            case "OffsetDateTime" -> "a date-time with offset, e.g. 2024-05-13T08:00:00+07:00";
            case "LocalDate" -> "a date, e.g. 2024-05-13";
            case "UUID" -> "a UUID";
            case "Integer", "int", "Long", "long", "Short", "short" -> "a whole number";
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text";
            default -> "a value of type " + target.getSimpleName();
        };
    }
}
