package vn.commops.activity.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A Jackson module that reads and writes {@link OffsetDateTime} through {@link IsoDateTimes} and
 * leaves everything else to the Java-time module's own (de)serializers, which it wraps: the same
 * text in, the same value out, the same adjustment to the mapper's time zone, the same errors.
 * A property with a {@code @JsonFormat} of its own gets the Java-time module's answer unchanged.
 */
public final class OffsetDateTimeCodec extends SimpleModule {

    public OffsetDateTimeCodec() {
        super("commops-offset-date-time");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == OffsetDateTime.class && !(deserializer instanceof Reader)
                        ? new Reader((JsonDeserializer<OffsetDateTime>) deserializer) : deserializer;
            }
        });
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                    JsonSerializer<?> serializer) {
                return description.getBeanClass() == OffsetDateTime.class && !(serializer instanceof Writer)
                        ? new Writer((JsonSerializer<OffsetDateTime>) serializer) : serializer;
            }
        });
    }

    /**
     * No format of its own on the property nor as the type's default: the Java-time module then
     * answers as its plain instance does (its contextual copy differs only in holding shape ANY).
     */
    private static boolean isPlain(JsonFormat.Value format) {
        return format == null || JsonFormat.Value.empty().equals(format);
    }

    static final class Reader extends JsonDeserializer<OffsetDateTime> implements ContextualDeserializer {

        private final JsonDeserializer<OffsetDateTime> delegate;

        Reader(JsonDeserializer<OffsetDateTime> delegate) {
            this.delegate = delegate;
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                OffsetDateTime value = IsoDateTimes.parseOffsetDateTime(parser.getText());
                if (value != null) {
                    return context.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                            ? toContextZone(value, context.getTimeZone().toZoneId()) : value;
                }
            }
            return delegate.deserialize(parser, context);
        }

        /** As the Java-time module adjusts: the zone's offset at the value's local time, MIN and MAX kept. */
        private static OffsetDateTime toContextZone(OffsetDateTime value, ZoneId zone) {
            return value.isEqual(OffsetDateTime.MIN) || value.isEqual(OffsetDateTime.MAX) ? value
                    : value.withOffsetSameInstant(zone.getRules().getOffset(value.toLocalDateTime()));
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            if (isPlain(property == null ? context.getDefaultPropertyFormat(OffsetDateTime.class)
                    : property.findPropertyFormat(context.getConfig(), OffsetDateTime.class))
                    || !(delegate instanceof ContextualDeserializer contextual)) {
                return this;
            }
            return contextual.createContextual(context, property);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                TypeDeserializer typeDeserializer) throws IOException {
            return delegate.deserializeWithType(parser, context, typeDeserializer);
        }

        @Override
        public Class<?> handledType() {
            return OffsetDateTime.class;
        }
    }

    static final class Writer extends JsonSerializer<OffsetDateTime> implements ContextualSerializer {

        private final JsonSerializer<OffsetDateTime> delegate;

        Writer(JsonSerializer<OffsetDateTime> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            String text = null;
            int year = value.getYear();
            // Far from the formatter's limits, where shifting to another zone cannot overflow.
            if (!provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) && year > 0 && year < 9999) {
                text = IsoDateTimes.formatOffsetDateTime(inContextZone(value, provider));
            }
            if (text == null) {
                delegate.serialize(value, generator, provider);
            } else {
                generator.writeString(text);
            }
        }

        /**
         * As the Java-time module writes it: in the mapper's time zone when one is set and
         * WRITE_DATES_WITH_CONTEXT_TIME_ZONE is on (Quarkus sets UTC), else at its own offset.
         */
        private static OffsetDateTime inContextZone(OffsetDateTime value, SerializerProvider provider) {
            if (!provider.getConfig().hasExplicitTimeZone()
                    || !provider.isEnabled(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)) {
                return value;
            }
            ZoneId zone = provider.getTimeZone().toZoneId();
            ZoneOffset offset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
            if (value.getOffset().equals(offset)) {
                return value; // already in the mapper's zone: values read through this codec are
            }
            return offset != null ? value.withOffsetSameInstant(offset)
                    : value.atZoneSameInstant(zone).toOffsetDateTime();
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            if (isPlain(property == null ? provider.getDefaultPropertyFormat(OffsetDateTime.class)
                    : property.findPropertyFormat(provider.getConfig(), OffsetDateTime.class))
                    || !(delegate instanceof ContextualSerializer contextual)) {
                return this;
            }
            return contextual.createContextual(provider, property);
        }

        @Override
        public void serializeWithType(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider,
                TypeSerializer typeSerializer) throws IOException {
            delegate.serializeWithType(value, generator, provider, typeSerializer);
        }

        @Override
        public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type) throws JsonMappingException {
            delegate.acceptJsonFormatVisitor(visitor, type);
        }

        @Override
        public Class<OffsetDateTime> handledType() {
            return OffsetDateTime.class;
        }
    }
}
