package vn.commops.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The gateway's bodies are read as the services read theirs (the platform's input contract, kept in
 * `common`, which the gateway does not depend on): a value is taken as sent or refused. A key sent
 * twice, anything after the document, a number for a text or a list, {@code 1.5} for an integer: each
 * is a 400 naming the field. Numbers and nesting are bounded so that no body keeps the parser busy.
 * The same mapper reads the services' OpenAPI documents, about a dozen levels deep.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_NESTING_DEPTH = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // No single value where a list belongs: {"orgUnits":"LC"} is a mistake, not a list of one.
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        mapper.registerModule(new SimpleModule("commops-gateway-text").addDeserializer(String.class, new SingleLine()));
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** A text refused for what it holds; the message says why, in words for the client. */
    public static final class UnstorableText extends InvalidFormatException {

        UnstorableText(JsonParser parser, String message, String text) {
            super(parser, message, text, String.class);
        }
    }

    /**
     * The gateway's bodies hold names and codes only (a username, org units), so no control character
     * belongs in any of their texts, line breaks included.
     */
    static final class SingleLine extends StdScalarDeserializer<String> {

        SingleLine() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            for (int i = 0; text != null && i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    throw new UnstorableText(parser, String.format(
                            "must not contain the control character U+%04X (at character %d)", (int) c, i), text);
                }
                if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    throw new UnstorableText(parser, "must not contain an unpaired surrogate (at character " + i + ")",
                            text);
                }
            }
            return text;
        }
    }
}
