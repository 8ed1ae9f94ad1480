package vn.commops.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Dates and times are read from ISO-8601 text only. The Java-time module also takes epoch numbers
 * ({@code 1700000000} as a date-time: seconds or milliseconds?) and arrays ({@code [2024,5,13]}),
 * which no field of the API documents: a sender who writes one has made a mistake to be told of.
 */
public final class TemporalsAsText extends SimpleModule {

    public TemporalsAsText() {
        super("commops-temporals-as-text");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return "java.time".equals(description.getBeanClass().getPackageName())
                        && !(deserializer instanceof TextOnly) ? new TextOnly(deserializer) : deserializer;
            }
        });
    }

    static final class TextOnly extends JsonDeserializer<Object> implements ContextualDeserializer {

        private final JsonDeserializer<?> delegate;

        TextOnly(JsonDeserializer<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(delegate.handledType(), parser);
            }
            return delegate.deserialize(parser, context);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                TypeDeserializer typeDeserializer) throws IOException {
            return delegate.deserializeWithType(parser, context, typeDeserializer);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            if (delegate instanceof ContextualDeserializer contextual) {
                JsonDeserializer<?> specific = contextual.createContextual(context, property);
                return specific == delegate || specific instanceof TextOnly ? this : new TextOnly(specific);
            }
            return this;
        }

        @Override
        public Class<?> handledType() {
            return delegate.handledType();
        }
    }
}
