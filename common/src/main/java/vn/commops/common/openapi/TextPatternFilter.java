package vn.commops.common.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import vn.commops.contract.ControlCharacters;

/**
 * Says in the API description what every service refuses in text ({@link ControlCharacters}), so
 * generated clients refuse the same values before sending them: a text property of an object is a
 * single line unless it is one of the free-text fields, which may also hold tab and line breaks; a
 * parameter is a single line. A pattern of the field's own is kept, and {@code @NotBlank}'s is merged in.
 */
public class TextPatternFilter implements OASFilter {

    /** What SmallRye OpenAPI writes for {@code @NotBlank}. */
    private static final String NOT_BLANK = "\\S";
    private static final String NOT_BLANK_PREFIX = "^(?=[\\s\\S]*\\S)";
    private static final Set<String> OURS = Set.of(ControlCharacters.TEXT_PATTERN, ControlCharacters.SINGLE_LINE_PATTERN,
            notBlank(ControlCharacters.TEXT_PATTERN), notBlank(ControlCharacters.SINGLE_LINE_PATTERN));

    @Override
    public Schema filterSchema(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.forEach((name, property) -> constrain(property,
                    ControlCharacters.isFreeText(name) ? ControlCharacters.TEXT_PATTERN
                            : ControlCharacters.SINGLE_LINE_PATTERN));
        }
        return schema;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getSchema() != null) {
            constrain(parameter.getSchema(), ControlCharacters.SINGLE_LINE_PATTERN);
        }
        return parameter;
    }

    private static void constrain(Schema schema, String pattern) {
        if (isArray(schema) && schema.getItems() != null) {
            constrain(schema.getItems(), pattern);
        }
        if (!isPlainString(schema)) {
            return;
        }
        String own = schema.getPattern();
        if (own == null || OURS.contains(own) && !own.startsWith(NOT_BLANK_PREFIX)) {
            schema.setPattern(pattern);
        } else if (NOT_BLANK.equals(own) || OURS.contains(own)) {
            schema.setPattern(notBlank(pattern));
        }
    }

    private static String notBlank(String pattern) {
        return NOT_BLANK_PREFIX + pattern.substring(1);
    }

    private static boolean isArray(Schema schema) {
        return List.of(Schema.SchemaType.ARRAY).equals(schema.getType());
    }

    private static boolean isPlainString(Schema schema) {
        return List.of(Schema.SchemaType.STRING).equals(schema.getType()) && schema.getRef() == null
                && schema.getFormat() == null && (schema.getEnumeration() == null || schema.getEnumeration().isEmpty());
    }
}
