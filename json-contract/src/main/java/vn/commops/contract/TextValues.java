package vn.commops.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Every text a body carries is refused, with the field at fault, when it holds a character no field
 * may store: a C0 control other than tab, line feed and carriage return (PostgreSQL refuses NUL in
 * {@code text}; the others corrupt exports and logs), or half of a surrogate pair (it would be stored
 * as {@code ?}, a silent change). Only the free-text fields may hold line breaks
 * ({@link ControlCharacters#FREE_TEXT_FIELDS}).
 */
public final class TextValues extends SimpleModule {

    /**
     * An attribute for {@code ObjectReader.withAttribute}: the platform's own data (events, stored
     * records) was checked when it came in, and a rule added since must not make it unreadable.
     */
    public static final String TRUSTED = TextValues.class.getName() + ".trusted";

    public TextValues() {
        super("commops-text-values");
        addDeserializer(String.class, new CheckedString());
    }

    /** Text refused for what it holds; its message is the client's answer. */
    public static final class UnstorableText extends InvalidFormatException {

        UnstorableText(JsonParser parser, String message, String text) {
            super(parser, message, text, String.class);
        }
    }

    static final class CheckedString extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean singleLine;

        CheckedString() {
            this(false);
        }

        private CheckedString(boolean singleLine) {
            super(String.class);
            this.singleLine = singleLine;
        }

        /** A named field is a single line unless it is one of the free-text fields; a bare string is free text. */
        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean line = property != null && !ControlCharacters.isFreeText(property.getName());
            return line == singleLine ? this : new CheckedString(line);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (context.getAttribute(TRUSTED) != null) {
                return text;
            }
            String fault = singleLine ? ControlCharacters.faultInLine(text) : ControlCharacters.faultInText(text);
            if (fault != null) {
                throw new UnstorableText(parser, fault, text);
            }
            return text;
        }
    }
}
