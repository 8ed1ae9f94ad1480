package vn.commops.e2e.fuzz;

import static vn.commops.e2e.fuzz.FuzzCase.Expect.ANSWER;
import static vn.commops.e2e.fuzz.FuzzCase.Expect.REFUSE;
import static vn.commops.e2e.fuzz.JsonText.HOLE;
import static vn.commops.e2e.fuzz.JsonText.JSON;
import static vn.commops.e2e.fuzz.JsonText.concat;
import static vn.commops.e2e.fuzz.JsonText.gist;
import static vn.commops.e2e.fuzz.JsonText.quote;
import static vn.commops.e2e.fuzz.JsonText.replaceHole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import vn.commops.e2e.fuzz.FuzzCase.Expect;

/**
 * A JSON body broken in one field, driven by the operation's schema: every field given the wrong JSON type,
 * every constraint the schema declares (required, enum, format, pattern, minimum, maximum, maxLength,
 * maxItems…) broken once, and on a few fields chosen by the seed the text no field may hold (NUL and other
 * controls, a lone surrogate, bytes that are not UTF-8), huge values, 2000 levels of nesting, and valid
 * Vietnamese written precomposed, decomposed and with bidirectional marks.
 */
final class FieldMutations {

    /** A place in the body a mutation can change: a property, an array's first item, a map's value. */
    record Slot(List<Object> path, ObjectNode schema, boolean required, boolean inItem) {

        String label() {
            StringBuilder label = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer index) {
                    label.append('[').append(index).append(']');
                } else {
                    label.append(label.length() == 0 ? "" : ".").append(step);
                }
            }
            return label.length() == 0 ? "(body)" : label.toString();
        }

        String type() {
            return ApiDocument.type(schema);
        }

        /** A string the schema lets hold this text: no enum nor format, and a pattern (if any) it matches. */
        boolean holds(String text) {
            return type().equals("string") && !schema.has("enum") && ApiDocument.format(schema).isEmpty()
                    && ValidRequests.matches(schema, text)
                    && schema.path("maxLength").asInt(Integer.MAX_VALUE) >= text.length();
        }
    }

    private static final byte[] REMOVE = new byte[0];
    private static final String PRECOMPOSED = Normalizer.normalize("Xã Hồ Phai, tỉnh Lào Cai", Normalizer.Form.NFC);
    private static final String DECOMPOSED = Normalizer.normalize(PRECOMPOSED, Normalizer.Form.NFD);
    /** Valid text with right-to-left and left-to-right marks and an embedded Arabic word. */
    private static final String BIDIRECTIONAL = "\u200f" + PRECOMPOSED + "\u200e \u202bبيان\u202c";

    private final ApiDocument.Operation operation;
    private final ObjectNode schema;
    private final Supplier<JsonNode> base;
    private final ValidRequests valid;
    private final Random random;
    private final List<BodyVariant> variants = new ArrayList<>();

    FieldMutations(ApiDocument.Operation operation, ValidRequests valid, Supplier<JsonNode> base, Random random) {
        this.operation = operation;
        this.schema = operation.jsonBody();
        this.valid = valid;
        this.base = base;
        this.random = random;
    }

    List<BodyVariant> all() {
        List<Slot> slots = new ArrayList<>();
        collect(schema, base.get(), new ArrayList<>(), 0, false, slots);
        for (Slot slot : slots) {
            byType(slot);
        }
        sampled(slots);
        return variants;
    }

    private void collect(ObjectNode schema, JsonNode value, List<Object> path, int depth, boolean inItem,
                         List<Slot> slots) {
        if (depth > 4) {
            return;
        }
        String type = ApiDocument.type(schema);
        if (type.equals("object") && value != null && value.isObject()) {
            Set<String> required = ValidRequests.required(schema);
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                    properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                ObjectNode propertySchema = valid.document().resolve(property.getValue());
                List<Object> at = append(path, property.getKey());
                slots.add(new Slot(at, propertySchema, required.contains(property.getKey()), inItem));
                collect(propertySchema, value.get(property.getKey()), at, depth + 1, inItem, slots);
            }
            if (schema.path("additionalProperties").isObject() && value.size() > 0) {
                ObjectNode valueSchema = valid.document().resolve(schema.get("additionalProperties"));
                slots.add(new Slot(append(path, value.fieldNames().next()), valueSchema, false, inItem));
            }
        } else if (type.equals("array") && value != null && value.isArray() && value.size() > 0) {
            ObjectNode items = valid.items(schema);
            List<Object> at = append(path, 0);
            boolean item = inItem || path.isEmpty();
            slots.add(new Slot(at, items, false, item));
            collect(items, value.get(0), at, depth + 1, item, slots);
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    /** The wrong JSON types and the broken constraints of one field. */
    private void byType(Slot slot) {
        ObjectNode field = slot.schema();
        String format = ApiDocument.format(field);
        if (slot.required()) {
            put("missing-required", slot, REMOVE, REFUSE);
            put("null-for-required", slot, "null", REFUSE);
        }
        switch (slot.type()) {
            case "string" -> {
                if (format.equals("date") || format.equals("date-time")) {
                    put("number-as-date", slot, "1700000000", REFUSE);
                    String time = format.equals("date") ? "" : "T08:00:00+07:00";
                    put("impossible-date", slot, quote("2025-02-30" + time), REFUSE);
                    put("impossible-date", slot, quote("2025-13-01" + time), REFUSE);
                } else {
                    put("wrong-type", slot, "12345", REFUSE);
                }
                sometimes("wrong-type", slot, pick("true", "{\"a\":\"b\"}", "[\"x\"]"));
                if (field.has("enum")) {
                    put("unknown-enum", slot, quote("FZ_NOT_A_VALUE"), REFUSE);
                } else if (format.equals("uuid")) {
                    put("bad-format", slot, quote("not-a-uuid"), REFUSE);
                } else if (format.equals("duration")) {
                    put("bad-format", slot, quote("one day"), REFUSE);
                } else if (field.has("pattern") && format.isEmpty()) {
                    String mismatch = nonMatching(field);
                    if (mismatch != null) {
                        put("pattern-mismatch", slot, quote(mismatch), REFUSE);
                    }
                }
                if (field.has("maxLength")) {
                    put("too-long", slot, quote("x".repeat(field.get("maxLength").asInt() + 1)), REFUSE);
                }
                if (field.path("minLength").asInt(0) > 0) {
                    put("too-short", slot, quote(""), REFUSE);
                }
            }
            case "integer" -> {
                put("wrong-type", slot, "\"12\"", REFUSE);
                sometimes("wrong-type", slot, pick("true", "{}", "[1]"));
                put("float-for-integer", slot, "1.5", REFUSE);
                put("number-out-of-range", slot, format.equals("int32") ? "2147483648" : "9223372036854775808",
                        REFUSE);
                put("number-out-of-range", slot, pick("9".repeat(400), "1e309"), REFUSE);
                bounds(slot);
            }
            case "number" -> {
                put("wrong-type", slot, "\"12.5\"", REFUSE);
                sometimes("wrong-type", slot, pick("true", "{}", "[1]"));
                boolean bounded = format.equals("double") || format.equals("float") || field.has("maximum");
                put("number-out-of-range", slot, "1e309", bounded ? REFUSE : ANSWER);
                put("number-out-of-range", slot, "9".repeat(400), bounded ? REFUSE : ANSWER);
                bounds(slot);
            }
            case "boolean" -> {
                put("wrong-type", slot, "1", REFUSE);
                put("wrong-type", slot, "\"true\"", REFUSE);
            }
            case "object" -> {
                put("wrong-type", slot, "\"x\"", REFUSE);
                sometimes("wrong-type", slot, pick("1", "[]"));
            }
            case "array" -> {
                put("wrong-type", slot, "\"x\"", REFUSE);
                sometimes("wrong-type", slot, pick("1", "{}"));
                arraySize(slot);
            }
            default -> { }
        }
    }

    /** A second wrong type, on a third of the fields (chosen by the seed): the corpus stays within its time. */
    private void sometimes(String mutation, Slot slot, String rawJson) {
        if (random.nextInt(3) == 0) {
            put(mutation, slot, rawJson, REFUSE);
        }
    }

    private void bounds(Slot slot) {
        ObjectNode field = slot.schema();
        if (field.has("minimum")) {
            put("below-minimum", slot, field.get("minimum").decimalValue().subtract(BigDecimal.ONE).toPlainString(),
                    REFUSE);
        }
        if (field.has("exclusiveMinimum") && field.get("exclusiveMinimum").isNumber()) {
            put("below-minimum", slot, field.get("exclusiveMinimum").decimalValue().toPlainString(), REFUSE);
        }
        if (field.has("maximum")) {
            put("above-maximum", slot, field.get("maximum").decimalValue().add(BigDecimal.ONE).toPlainString(), REFUSE);
        }
    }

    private void arraySize(Slot slot) {
        ObjectNode field = slot.schema();
        if (field.has("maxItems") && field.get("maxItems").asInt() <= 5000) {
            JsonNode item = valid.value(valid.items(field), "", 1);
            StringBuilder many = new StringBuilder("[");
            for (int i = 0; i <= field.get("maxItems").asInt(); i++) {
                many.append(i == 0 ? "" : ",").append(item);
            }
            put("too-many-items", slot, many.append(']').toString(), REFUSE);
        }
        if (field.path("minItems").asInt(0) > 0) {
            put("too-few-items", slot, "[]", REFUSE);
        }
    }

    /** Classes tried on a few fields of each operation, chosen by the seed: text edge cases, sizes, nesting. */
    private void sampled(List<Slot> slots) {
        List<Slot> strings = slots.stream().filter(s -> s.type().equals("string")).toList();
        List<Slot> scalars = slots.stream().filter(s -> !s.type().equals("object") && !s.type().equals("array")
                && !s.type().isEmpty()).toList();
        for (Slot slot : choose(strings, 2)) {
            put("control-char", slot, quote(text(slot) + "\u0000" + "x"), REFUSE);
        }
        for (Slot slot : choose(strings, 1)) {
            put("control-char", slot, quote("a\u001bb\u0007" + text(slot)), REFUSE);
        }
        for (Slot slot : choose(strings, 1)) {
            put("lone-surrogate", slot, "\"" + text(slot) + "\\ud800\"", REFUSE);
        }
        for (Slot slot : choose(strings, 1)) {
            byte[] broken = concat(("\"" + text(slot)).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28,
                    (byte) 0xFF}, "\"".getBytes(StandardCharsets.UTF_8));
            put("invalid-utf8", slot, broken, REFUSE);
        }
        for (Slot slot : choose(strings.stream().filter(s -> s.schema().path("maxLength").asInt(Integer.MAX_VALUE)
                < 100_000).toList(), 1)) {
            put("huge-string", slot, quote("Ả".repeat(50_000)), REFUSE);
        }
        for (Slot slot : choose(slots.stream().filter(s -> s.holds(BIDIRECTIONAL)).toList(), 1)) {
            put("rtl-mark", slot, quote(BIDIRECTIONAL), ANSWER);
        }
        for (Slot slot : choose(slots.stream().filter(s -> s.holds(PRECOMPOSED) && s.holds(DECOMPOSED)).toList(), 1)) {
            String pair = operation.id() + " " + slot.label();
            variants.add(variant("unicode-precomposed", slot, quote(PRECOMPOSED), ANSWER, pair));
            variants.add(variant("unicode-decomposed", slot, quote(DECOMPOSED), ANSWER, pair));
        }
        for (Slot slot : choose(scalars, 1)) {
            put("deep-nesting", slot, "[".repeat(2000) + "]".repeat(2000), REFUSE);
        }
        for (Slot slot : choose(scalars, 1)) {
            put("huge-array", slot, "[" + "1,".repeat(9999) + "1]", REFUSE);
        }
    }

    private void put(String mutation, Slot slot, String rawJson, Expect expect) {
        put(mutation, slot, rawJson.getBytes(StandardCharsets.UTF_8), expect);
    }

    private void put(String mutation, Slot slot, byte[] raw, Expect expect) {
        variants.add(variant(mutation, slot, raw, expect, null));
    }

    private BodyVariant variant(String mutation, Slot slot, String rawJson, Expect expect, String pair) {
        return variant(mutation, slot, rawJson.getBytes(StandardCharsets.UTF_8), expect, pair);
    }

    private BodyVariant variant(String mutation, Slot slot, byte[] raw, Expect expect, String pair) {
        JsonNode body = base.get();
        String shown = raw == REMOVE ? "(absent)" : gist(new String(raw, StandardCharsets.UTF_8));
        if (slot.path().isEmpty()) {
            return new BodyVariant(mutation, "(body)=" + shown, expect, raw, JSON, false, pair);
        }
        JsonNode parent = body;
        for (Object step : slot.path().subList(0, slot.path().size() - 1)) {
            parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
        }
        Object last = slot.path().get(slot.path().size() - 1);
        if (last instanceof Integer index && parent.isArray()) {
            ((ArrayNode) parent).set(index, TextNode.valueOf(HOLE));
        } else if (parent.isObject() && raw == REMOVE) {
            ((ObjectNode) parent).remove((String) last);
        } else if (parent.isObject()) {
            ((ObjectNode) parent).put((String) last, HOLE);
        }
        byte[] bytes = replaceHole(body.toString(), raw);
        return new BodyVariant(mutation, slot.label() + "=" + shown, expect, bytes, JSON, slot.inItem(), pair);
    }

    private String text(Slot slot) {
        JsonNode example = slot.schema().path("examples").path(0);
        return example.isTextual() && example.asText().length() < 40 ? example.asText().replace("\"", "") : "ab";
    }

    /** The first of a few texts the field's pattern refuses, or null when it takes them all. */
    private static String nonMatching(ObjectNode field) {
        for (String candidate : List.of("   ", "", "!!", "lower case ~", "ÀÁ", "x".repeat(300), "a\u0001b")) {
            if (!ValidRequests.matches(field, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private <T> List<T> choose(List<T> from, int count) {
        List<T> pool = new ArrayList<>(from);
        List<T> chosen = new ArrayList<>();
        while (chosen.size() < count && !pool.isEmpty()) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }


}
