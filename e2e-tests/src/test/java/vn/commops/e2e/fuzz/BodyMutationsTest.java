package vn.commops.e2e.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.e2e.fuzz.ApiDocument.Operation;
import vn.commops.e2e.fuzz.FuzzCase.Expect;

/** The corpus is driven by the schema: each declared constraint is broken, and only broken ones must be refused. */
class BodyMutationsTest {

    private static final String DOCUMENT = """
            {"paths": {"/api/v1/things": {"post": {"requestBody": {"required": true, "content": {"application/json":
              {"schema": {"$ref": "#/components/schemas/ThingRequest"}}}}}}},
             "components": {"schemas": {
              "Day": {"type": "string", "format": "date", "examples": ["2024-05-13"]},
              "Kind": {"type": "string", "enum": ["BANNER", "LEAFLET"]},
              "ThingRequest": {"type": "object", "required": ["title", "quantity"], "properties": {
                "title": {"type": "string", "maxLength": 300, "pattern": "\\\\S", "examples": ["Băng rôn"]},
                "quantity": {"type": "integer", "format": "int32", "minimum": 0, "maximum": 10, "examples": [4]},
                "factor": {"type": "number", "examples": [100]},
                "kind": {"$ref": "#/components/schemas/Kind", "examples": ["BANNER"]},
                "heldOn": {"$ref": "#/components/schemas/Day"},
                "verified": {"type": "boolean", "examples": [false]}}}}}}
            """;

    private List<BodyVariant> variants;
    private Operation operation;

    @BeforeEach
    void generate() throws Exception {
        ApiDocument document = new ApiDocument(FuzzGateway.JSON.readTree(DOCUMENT));
        operation = document.operations().get(0);
        ValidRequests valid = new ValidRequests(document, null, 19, "T");
        Supplier<JsonNode> fresh = () -> valid.value(operation.jsonBody(), "", 0);
        variants = new ArrayList<>(new FieldMutations(operation, valid, fresh, new Random(19)).all());
        variants.addAll(new DocumentMutations(operation, fresh).all());
    }

    private Map<String, Expect> expectations(String mutation) {
        return variants.stream().filter(v -> v.mutation().equals(mutation))
                .collect(Collectors.toMap(BodyVariant::target, BodyVariant::expect, (a, b) -> a));
    }

    private JsonNode parsed(BodyVariant variant) throws Exception {
        return FuzzGateway.JSON.readTree(new String(variant.body(), StandardCharsets.UTF_8));
    }

    @Test
    void everyDeclaredConstraintIsBrokenAndMustBeRefused() {
        assertEquals(Expect.REFUSE, expectations("float-for-integer").get("quantity=1.5"));
        assertEquals(Expect.REFUSE, expectations("below-minimum").get("quantity=-1"));
        assertEquals(Expect.REFUSE, expectations("above-maximum").get("quantity=11"));
        assertEquals(Expect.REFUSE, expectations("number-out-of-range").get("quantity=2147483648"));
        assertEquals(Expect.REFUSE, expectations("unknown-enum").get("kind=\"FZ_NOT_A_VALUE\""));
        assertEquals(Expect.REFUSE, expectations("impossible-date").get("heldOn=\"2025-02-30\""));
        assertEquals(Expect.REFUSE, expectations("number-as-date").get("heldOn=1700000000"));
        assertEquals(Expect.REFUSE, expectations("pattern-mismatch").get("title=\"   \""));
        assertEquals(Expect.REFUSE, expectations("missing-required").get("title=(absent)"));
        assertEquals(Expect.REFUSE, expectations("null-for-required").get("quantity=null"));
        assertEquals(Expect.REFUSE, expectations("wrong-type").get("title=12345"));
        assertEquals(Expect.REFUSE, expectations("wrong-type").get("quantity=\"12\""));
        assertEquals(Expect.REFUSE, expectations("wrong-type").get("verified=1"));
        assertTrue(expectations("too-long").keySet().stream().anyMatch(t -> t.startsWith("title=\"xxx")));
    }

    @Test
    void whatTheSchemaDoesNotConstrainNeedOnlyBeAnsweredWell() {
        // factor has neither a format nor a maximum: 400 digits are a number like another.
        assertTrue(expectations("number-out-of-range").entrySet().stream()
                .filter(e -> e.getKey().startsWith("factor=")).allMatch(e -> e.getValue() == Expect.ANSWER));
        assertTrue(variants.stream().filter(v -> v.mutation().startsWith("unicode-") || v.mutation().equals("rtl-mark"))
                .allMatch(v -> v.expect() == Expect.ANSWER));
        assertEquals(2, variants.stream().filter(v -> v.pair() != null).count());
    }

    @Test
    void aMutationChangesOneFieldAndLeavesTheRestValid() throws Exception {
        BodyVariant floatQuantity = variants.stream().filter(v -> v.mutation().equals("float-for-integer")).findFirst()
                .orElseThrow();
        JsonNode body = parsed(floatQuantity);
        assertEquals(1.5, body.get("quantity").asDouble());
        assertEquals("Băng rôn", body.get("title").asText());
        assertEquals("BANNER", body.get("kind").asText());
        String duplicate = new String(variants.stream().filter(v -> v.mutation().equals("duplicate-key"))
                .findFirst().orElseThrow().body(), StandardCharsets.UTF_8);
        assertTrue(duplicate.startsWith("{\"title\":\"Băng rôn\",\"title\":"), duplicate);
    }

    @Test
    void theDocumentItselfIsBroken() {
        Map<String, Expect> shapes = expectations("body-shape");
        assertEquals(Expect.REFUSE, shapes.get("(body)=null"));
        assertEquals(Expect.REFUSE, shapes.get("(body)={}"));
        assertEquals(Expect.REFUSE, shapes.get("(body)=(empty)"));
        assertEquals(Expect.REFUSE, expectations("trailing-garbage").get("(body)={…} xyz"));
        assertEquals(Expect.REFUSE, expectations("wrong-content-type").get("(body)=text/plain"));
        assertEquals(Expect.ANSWER, expectations("wrong-content-type").get("(body)=(none)"));
        assertTrue(variants.stream().anyMatch(v -> v.mutation().equals("invalid-utf8")
                && new String(v.body(), StandardCharsets.UTF_8).contains("\ufffd")));
    }
}
