package vn.commops.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.commops.e2e.fuzz.ApiDocument.Operation;
import vn.commops.e2e.fuzz.ApiDocument.Parameter;

/**
 * A valid request for every operation, built from the document's schemas and examples: the base each
 * mutation breaks in one place. Writes go to the fuzzer's own data ({@link OwnData}), never to the demo
 * hierarchy nor to another test's: the demo unit codes the examples name ({@code LC}, {@code LC-HOPHAI},
 * {@code VN}) become units of the fuzzer's own hierarchy, identities ({@code code}, {@code externalId}…) are
 * unique to the request, and a boolean {@code active} is false, so a rule the fuzzer manages to create never
 * applies.
 */
final class ValidRequests {

    /** A valid request, as values not yet encoded: the mutations encode (or break) them. */
    record Base(Operation operation, Map<String, String> pathValues, List<String[]> query, List<String[]> headers,
                JsonNode body) {
    }

    private static final Set<String> IDENTITIES = Set.of("code", "id", "externalId", "sourceId", "keyId", "requestId");
    /** Plausible values of required query parameters the document leaves as plain strings, by name. */
    private static final Map<String, String> QUERY_VALUES = Map.of(
            "orgUnit", "LC", "period", "2024", "level", "PROVINCE", "from", "2024-01-01", "to", "2024-12-31",
            "mode", "dry-run");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiDocument document;
    private final Random random;
    private final String nonce;
    private final AtomicInteger serial = new AtomicInteger();
    private final OwnData own;

    ValidRequests(ApiDocument document, FuzzGateway gateway, long seed, String nonce) {
        this.document = document;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.nonce = nonce;
        this.own = new OwnData(document, gateway, this, random, nonce);
    }

    OwnData own() {
        return own;
    }

    ApiDocument document() {
        return document;
    }

    Base base(Operation operation) {
        Map<String, String> path = own.pathValues(operation);
        List<String[]> query = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            if (parameter.required() || parameter.name().equals("mode")) {
                query.add(new String[] {parameter.name(), queryValue(operation, parameter)});
            }
        }
        List<String[]> headers = new ArrayList<>();
        for (Parameter parameter : operation.in("header")) {
            if (parameter.required()) {
                headers.add(new String[] {parameter.name(), headerValue(parameter)});
            } else if (parameter.name().equalsIgnoreCase("If-Match")) {
                String etag = own.currentEtag(fill(operation.path(), path));
                if (etag != null) {
                    headers.add(new String[] {parameter.name(), etag});
                }
            }
        }
        ObjectNode schema = operation.jsonBody();
        return new Base(operation, path, query, headers, schema == null ? null : value(schema, "", 0));
    }

    /** A valid value for a schema: its example, an enum's first value, or one made to its type and format. */
    JsonNode value(ObjectNode schema, String name, int depth) {
        String type = ApiDocument.type(schema);
        String format = ApiDocument.format(schema);
        if (type.equals("string") && IDENTITIES.contains(name)) {
            return TextNode.valueOf(unique(schema));
        }
        if (name.equals("active") && type.equals("boolean")) {
            return NODES.booleanNode(false);
        }
        if (format.equals("uuid") || (type.equals("array") && ApiDocument.format(items(schema)).equals("uuid"))) {
            String reference = own.reference(name);
            if (reference != null) {
                return type.equals("array") ? NODES.arrayNode().add(reference) : TextNode.valueOf(reference);
            }
        }
        JsonNode example = schema.path("examples").path(0);
        if (!example.isMissingNode() && !type.equals("object")) {
            return own.ownUnitsIn(example.deepCopy());
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        switch (type) {
            case "object": {
                if (!example.isMissingNode() && !schema.has("properties")) {
                    return own.ownUnitsIn(example.deepCopy());
                }
                ObjectNode object = NODES.objectNode();
                Set<String> required = required(schema);
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                        properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    ObjectNode propertySchema = document.resolve(property.getValue());
                    String field = property.getKey();
                    if (required.contains(field) || worthSending(field, propertySchema, depth)) {
                        object.set(field, value(propertySchema, field, depth + 1));
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int count = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < count; i++) {
                    array.add(value(items(schema), name, depth + 1));
                }
                return array;
            }
            case "integer":
                return NODES.numberNode(Math.max(1L, schema.path("minimum").asLong(1)));
            case "number":
                return NODES.numberNode(Math.max(1L, schema.path("minimum").asLong(1)));
            case "boolean":
                return NODES.booleanNode(false);
            default:
                return TextNode.valueOf(switch (format) {
                    case "date" -> "2024-05-13";
                    case "date-time" -> "2024-05-13T08:00:00+07:00";
                    case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
                    case "duration" -> "PT1H";
                    default -> matchingText(schema);
                });
        }
    }

    ObjectNode items(ObjectNode arraySchema) {
        return document.resolve(arraySchema.path("items"));
    }

    static Set<String> required(ObjectNode schema) {
        Set<String> names = new HashSet<>();
        schema.path("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    /**
     * Optional properties go into the base when the document shows them with an example, except references
     * to other resources (which would make the base refer to nothing) and anything nested deeper.
     */
    private static boolean worthSending(String name, ObjectNode schema, int depth) {
        boolean reference = ApiDocument.format(schema).equals("uuid") || name.endsWith("Ids")
                || name.endsWith("Id");
        return depth < 3 && !reference && schema.path("examples").size() > 0;
    }

    private String unique(ObjectNode schema) {
        String example = schema.path("examples").path(0).asText("FZ");
        String suffix = nonce + Integer.toString(serial.incrementAndGet(), 36);
        boolean lower = !example.equals(example.toUpperCase(Locale.ROOT));
        String candidate = lower ? ("fz-" + suffix).toLowerCase(Locale.ROOT) : ("FZ" + suffix).toUpperCase(Locale.ROOT);
        return matches(schema, candidate) ? candidate : example;
    }

    private String matchingText(ObjectNode schema) {
        for (String candidate : List.of("Kiểm thử", "FZ" + nonce, "vi", "fz-" + nonce)) {
            if (matches(schema, candidate) && candidate.length() <= schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
                return candidate;
            }
        }
        return "Kiểm thử";
    }

    static boolean matches(ObjectNode schema, String text) {
        if (!schema.has("pattern")) {
            return true;
        }
        try {
            return Pattern.compile(schema.get("pattern").asText()).matcher(text).find();
        } catch (PatternSyntaxException notJava) {
            return true;
        }
    }

    static String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", Urls.encode(value.getValue()));
        }
        return filled;
    }

    String queryValue(Operation operation, Parameter parameter) {
        ObjectNode schema = parameter.schema();
        String type = ApiDocument.type(schema);
        if (QUERY_VALUES.containsKey(parameter.name()) && !schema.has("enum")) {
            String value = QUERY_VALUES.get(parameter.name());
            return operation.writes() ? own.ownUnitFor(value) : value;
        }
        if (type.equals("string") && ApiDocument.format(schema).isEmpty() && !schema.has("enum")
                && !schema.has("default")) {
            String listed = own.shared("query " + parameter.name(),
                    () -> own.listed("/api/v1/" + kebab(parameter.name()).replaceAll("s$", "") + "s", "code"));
            if (listed != null) {
                return listed;
            }
        }
        return value(schema, parameter.name(), 0).asText();
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private String headerValue(Parameter parameter) {
        return parameter.name().equalsIgnoreCase("X-Api-Key") ? "cok_fuzz_" + nonce + "_not_a_key"
                : value(parameter.schema(), parameter.name(), 0).asText();
    }
}
