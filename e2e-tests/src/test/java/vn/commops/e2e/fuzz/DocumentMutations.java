package vn.commops.e2e.fuzz;

import static vn.commops.e2e.fuzz.FuzzCase.Expect.ANSWER;
import static vn.commops.e2e.fuzz.FuzzCase.Expect.REFUSE;
import static vn.commops.e2e.fuzz.JsonText.HOLE;
import static vn.commops.e2e.fuzz.JsonText.JSON;
import static vn.commops.e2e.fuzz.JsonText.concat;
import static vn.commops.e2e.fuzz.JsonText.quote;
import static vn.commops.e2e.fuzz.JsonText.replaceHole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import vn.commops.e2e.fuzz.FuzzCase.Expect;

/**
 * A body broken as a whole, whatever its fields: its shape ({@code null}, {@code []}, {@code {}}, nothing),
 * its syntax (trailing garbage, a duplicated key, 2000 levels of nesting), its encoding (bytes that are not
 * UTF-8), its media type; and for the other media types an operation takes (NDJSON, CSV), a record with a
 * NUL, bytes that are not UTF-8, garbage after the records.
 */
final class DocumentMutations {

    private final ApiDocument.Operation operation;
    private final ObjectNode schema;
    private final Supplier<JsonNode> base;
    private final List<BodyVariant> variants = new ArrayList<>();

    DocumentMutations(ApiDocument.Operation operation, Supplier<JsonNode> base) {
        this.operation = operation;
        this.schema = operation.jsonBody();
        this.base = base;
    }

    /** The document as a whole: its shape, its syntax, its encoding, its media type. */
    List<BodyVariant> all() {
        document();
        otherMediaTypes();
        return variants;
    }

    private void document() {
        String type = ApiDocument.type(schema);
        boolean required = operation.bodyRequired();
        JsonNode sample = base.get();
        String text = sample.toString();
        boolean emptyObjectValid = type.equals("object") && ValidRequests.required(schema).isEmpty();
        boolean emptyArrayValid = type.equals("array") && schema.path("minItems").asInt(0) == 0;
        whole("body-shape", "null", "null", required ? REFUSE : ANSWER);
        whole("body-shape", "[]", "[]", emptyArrayValid ? ANSWER : REFUSE);
        whole("body-shape", "{}", "{}", emptyObjectValid ? ANSWER : REFUSE);
        whole("body-shape", "(empty)", "", required ? REFUSE : ANSWER);
        whole("trailing-garbage", "{…} xyz", text + " xyz", REFUSE);
        whole("trailing-garbage", "{…}{…}", text + text, REFUSE);
        whole("deep-nesting", "{\"a\":{\"a\":…}} x2000", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
                emptyObjectValid ? ANSWER : REFUSE);
        whole("invalid-utf8", "0xFF 0xFE before the document", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                text.getBytes(StandardCharsets.UTF_8)), JSON, REFUSE, false);
        duplicateKey(sample);
        if (type.equals("array") && schema.has("maxItems") && schema.get("maxItems").asInt() <= 5000) {
            whole("too-many-items", (schema.get("maxItems").asInt() + 1) + " records",
                    manyOf(sample.get(0), schema.get("maxItems").asInt() + 1), REFUSE);
        }
        String wrongType = operation.bodies().containsKey("text/csv") ? "application/xml" : "text/plain";
        whole("wrong-content-type", wrongType, text.getBytes(StandardCharsets.UTF_8), wrongType, REFUSE, false);
        whole("wrong-content-type", "(none)", text.getBytes(StandardCharsets.UTF_8), null, ANSWER, false);
    }

    private void duplicateKey(JsonNode sample) {
        boolean item = sample.isArray();
        JsonNode object = item ? sample.path(0) : sample;
        if (!object.isObject() || object.size() == 0) {
            return;
        }
        String key = object.fieldNames().next();
        String text = sample.toString();
        String duplicated = "{" + quote(key) + ":" + object.get(key) + "," + text.substring(item ? 2 : 1);
        String body = item ? "[" + duplicated : duplicated;
        variants.add(new BodyVariant("duplicate-key", (item ? "[0]." : "") + key + " twice",
                REFUSE, body.getBytes(StandardCharsets.UTF_8), JSON, item, null));
    }

    /** Bodies of the other media types an operation takes (NDJSON, CSV): a record with a NUL, bytes not UTF-8. */
    private void otherMediaTypes() {
        JsonNode sample = base.get();
        JsonNode record = sample.isArray() ? sample.path(0) : sample;
        for (String contentType : operation.bodies().keySet()) {
            if (contentType.equals(JSON) || !record.isObject()) {
                continue;
            }
            String good;
            String withNul;
            String withBadBytes;
            if (contentType.contains("csv")) {
                List<String> columns = new ArrayList<>();
                List<String> cells = new ArrayList<>();
                record.fields().forEachRemaining(field -> {
                    if (field.getValue().isValueNode()) {
                        columns.add(field.getKey());
                        cells.add(field.getValue().asText().replace(",", " "));
                    }
                });
                String header = String.join(",", columns) + "\n";
                good = header + String.join(",", cells) + "\n";
                withNul = header + String.join(",", cells).replaceFirst("^([^,]*)", "$1\u0000x") + "\n";
                withBadBytes = header + String.join(",", cells).replaceFirst("^([^,]*)", "$1" + HOLE) + "\n";
            } else {
                ObjectNode line = (ObjectNode) record.deepCopy();
                String key = line.fieldNames().next();
                good = line + "\n";
                withNul = line.deepCopy().put(key, line.get(key).asText() + "\u0000x") + "\n";
                withBadBytes = line.deepCopy().put(key, line.get(key).asText() + HOLE) + "\n";
            }
            whole("control-char", contentType + " record with NUL", withNul.getBytes(StandardCharsets.UTF_8),
                    contentType, REFUSE, true);
            whole("invalid-utf8", contentType + " record with 0xC3 0x28", replaceHole(withBadBytes,
                    new byte[] {(byte) 0xC3, 0x28}), contentType, REFUSE, true);
            whole("trailing-garbage", contentType + " record then garbage",
                    (good + "\u0001\u0002 {[ xyz\n").getBytes(StandardCharsets.UTF_8), contentType, REFUSE, true);
            whole("body-shape", contentType + " (empty)", new byte[0], contentType, ANSWER, false);
        }
    }

    private String manyOf(JsonNode item, int count) {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            many.append(i == 0 ? "" : ",").append(item);
        }
        return many.append(']').toString();
    }

    private void whole(String mutation, String gist, String body, Expect expect) {
        whole(mutation, gist, body.getBytes(StandardCharsets.UTF_8), JSON, expect, false);
    }

    private void whole(String mutation, String gist, byte[] body, String contentType, Expect expect, boolean item) {
        variants.add(new BodyVariant(mutation, "(body)=" + gist, expect, body, contentType, item, null));
    }

}
