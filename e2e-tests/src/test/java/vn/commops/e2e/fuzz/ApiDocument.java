package vn.commops.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The merged OpenAPI document as the fuzzer reads it: operations, their parameters and bodies, schemas resolved. */
final class ApiDocument {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    record Parameter(String name, String in, boolean required, ObjectNode schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, Map<String, ObjectNode> bodies,
                     boolean bodyRequired) {

        String id() {
            return method + " " + path;
        }

        /** Anything but a read: the fuzzer sends it only what it knows to be invalid, and on its own data. */
        boolean writes() {
            return !method.equals("GET");
        }

        ObjectNode jsonBody() {
            return bodies.get("application/json");
        }

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }
    }

    private final JsonNode schemas;
    private final List<Operation> operations = new ArrayList<>();

    ApiDocument(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    String verb = method.getKey().toUpperCase(Locale.ROOT);
                    operations.add(operation(verb, path.getKey(), method.getValue()));
                }
            }
        }
    }

    List<Operation> operations() {
        return operations;
    }

    private Operation operation(String method, String path, JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : node.path("parameters")) {
            parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
        }
        Map<String, ObjectNode> bodies = new LinkedHashMap<>();
        JsonNode body = node.path("requestBody");
        for (Iterator<Map.Entry<String, JsonNode>> content = body.path("content").fields(); content.hasNext(); ) {
            Map.Entry<String, JsonNode> type = content.next();
            bodies.put(type.getKey(), resolve(type.getValue().path("schema")));
        }
        return new Operation(method, path, parameters, bodies, body.path("required").asBoolean(false));
    }

    /**
     * A schema with its {@code $ref} and {@code allOf} folded in: the referenced schema first, then what the
     * referring schema says beside the reference (an example, a description, a narrower constraint).
     */
    ObjectNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private ObjectNode resolve(JsonNode schema, int depth) {
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        if (schema == null || !schema.isObject() || depth > 20) {
            return resolved;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            resolved.setAll(resolve(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), depth + 1));
        }
        for (JsonNode member : schema.path("allOf")) {
            resolved.setAll(resolve(member, depth + 1));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("$ref") && !field.getKey().equals("allOf")) {
                resolved.set(field.getKey(), field.getValue());
            }
        }
        return resolved;
    }

    /** The JSON type a resolved schema declares: object, array, string, integer, number or boolean. */
    static String type(ObjectNode schema) {
        String type = schema.path("type").asText("");
        if (!type.isEmpty()) {
            return type;
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return schema.has("enum") ? "string" : "";
    }

    static String format(ObjectNode schema) {
        return schema.path("format").asText("");
    }
}
