package vn.commops.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.commops.e2e.fuzz.ApiDocument.Operation;
import vn.commops.e2e.fuzz.ApiDocument.Parameter;
import vn.commops.e2e.fuzz.ValidRequests.Base;

/**
 * The fuzzer's own data, so that what it manages to write touches no other test's: a hierarchy of its
 * own that stands in for the demo units the examples name, and the resources it creates for path
 * parameters and references. A read names an existing resource (one the collection lists, else one the
 * fuzzer creates once); a write names a resource created for it alone, or none at all.
 */
final class OwnData {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiDocument document;
    private final FuzzGateway gateway;
    private final ValidRequests valid;
    private final Random random;
    private final String nonce;
    private final Map<String, String> ownUnitFor = new HashMap<>();
    private final Map<String, String> sharedValues = new HashMap<>();
    private final Map<String, Integer> fixtureOutcomes = new LinkedHashMap<>();
    private final Set<String> created = new HashSet<>();
    private String[] ownUnits;

    OwnData(ApiDocument document, FuzzGateway gateway, ValidRequests valid, Random random, String nonce) {
        this.document = document;
        this.gateway = gateway;
        this.valid = valid;
        this.random = random;
        this.nonce = nonce;
    }

    /** Creates the run's own hierarchy (national, province, commune) and maps the demo units onto it by level. */
    void createOwnHierarchy() {
        String national = "FZ" + nonce;
        ownUnits = new String[] {national, national + "P", national + "P-C"};
        String[][] units = {{ownUnits[0], "NATIONAL", null}, {ownUnits[1], "PROVINCE", ownUnits[0]},
                {ownUnits[2], "COMMUNE", ownUnits[1]}};
        for (String[] unit : units) {
            ObjectNode body = NODES.objectNode().put("code", unit[0]).put("name", "Đơn vị kiểm thử " + unit[0])
                    .put("levelCode", unit[1]).put("parentCode", unit[2]);
            RawHttp.Answer answer = gateway.call("POST", "/api/v1/org-units", body);
            if (answer.status() != 201) {
                throw new IllegalStateException("cannot create the fuzzer's unit " + unit[0] + ": " + answer.status()
                        + " " + answer.bodyText());
            }
        }
        for (int page = 0; page < 50; page++) {
            JsonNode listed = gateway.get("/api/v1/org-units?size=200&page=" + page).path("items");
            for (JsonNode unit : listed) {
                String level = unit.path("levelCode").asText();
                String own = level.equals("NATIONAL") ? ownUnits[0]
                        : level.equals("COMMUNE") ? ownUnits[2] : ownUnits[1];
                ownUnitFor.putIfAbsent(unit.path("code").asText(), own);
            }
            if (listed.size() < 200) {
                break;
            }
        }
        if (!ownUnitFor.containsKey(ownUnits[2])) {
            // Without the mapping the bases would name the demo units: better not to fuzz at all.
            throw new IllegalStateException("cannot list the org units, the fuzzer's own among them");
        }
    }

    /**
     * Whether a valid request would act on the fuzzer's own data only: a resource it created, or its own units.
     * Anything else (a new indicator, topic or org level for the whole platform) it never sends valid.
     */
    boolean ownData(Base base) {
        if (base.pathValues().values().stream().anyMatch(created::contains)) {
            return true;
        }
        String body = base.body() == null ? "" : base.body().toString();
        return List.of(ownUnits).stream().anyMatch(unit -> body.contains("\"" + unit + "\"")
                || base.query().stream().anyMatch(parameter -> parameter[1].equals(unit)));
    }

    List<String> ownUnits() {
        return List.of(ownUnits);
    }

    /** For each collection the fuzzer tried to create a resource in: the status it got. */
    Map<String, Integer> fixtureOutcomes() {
        return fixtureOutcomes;
    }

    /** The demo hierarchy's unit codes in an example, replaced by the run's own units of the same level. */
    /** The run's own unit standing in for a unit of the demo hierarchy; any other text as it is. */
    String ownUnitFor(String code) {
        return ownUnitFor.getOrDefault(code, code);
    }

    JsonNode ownUnitsIn(JsonNode example) {
        if (example.isTextual()) {
            return TextNode.valueOf(ownUnitFor.getOrDefault(example.asText(), example.asText()));
        }
        if (example.isArray()) {
            ArrayNode array = (ArrayNode) example;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, ownUnitsIn(array.get(i)));
            }
        } else if (example.isObject()) {
            ObjectNode object = (ObjectNode) example;
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                object.set(field, ownUnitsIn(object.get(field)));
            }
        }
        return example;
    }

    /**
     * The id of a resource a required reference names: {@code planId} is a plan the fuzzer created through the
     * operation that creates plans, {@code POST /api/v1/plans}. Null when no such operation creates one.
     */
    String reference(String name) {
        Matcher stem = Pattern.compile("^(?:parent)?([a-z][A-Za-z]*?)Ids?$").matcher(name);
        if (!stem.matches()) {
            return null;
        }
        String kebab = stem.group(1).replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT) + "s";
        for (Operation operation : document.operations()) {
            if (operation.method().equals("POST") && operation.path().endsWith("/" + kebab)
                    && !operation.path().contains("{")) {
                return shared("ref " + operation.path(), () -> create(operation.path(), "id", Map.of()));
            }
        }
        return null;
    }

    /**
     * Values for the path parameters. A read names an existing resource (one the collection lists, else one
     * the fuzzer creates once); a write names a resource created for it alone, or none at all.
     */
    Map<String, String> pathValues(Operation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
        while (parameter.find()) {
            String name = parameter.group(1);
            String collection = operation.path().substring(0, parameter.start() - 1);
            String concrete = ValidRequests.fill(collection, values);
            String value;
            if (operation.writes()) {
                value = create(collection, name, values);
            } else {
                value = shared(concrete + " " + name, () -> {
                    String listed = listed(concrete, name);
                    return listed != null ? listed : create(collection, name, values);
                });
            }
            values.put(name, value != null ? value : absent(operation, name));
        }
        return values;
    }

    /** A value naming nothing: the resource a write would change does not exist. */
    private String absent(Operation operation, String name) {
        ObjectNode schema = operation.in("path").stream().filter(p -> p.name().equals(name)).findFirst()
                .map(Parameter::schema).orElse(NODES.objectNode());
        return switch (ApiDocument.type(schema)) {
            case "integer" -> "999999";
            default -> ApiDocument.format(schema).equals("uuid")
                    ? new UUID(random.nextLong(), random.nextLong()).toString() : "FZ-NONE-" + nonce;
        };
    }

    /**
     * The version a conditional write must name: the ETag of the resource at the path, or of the resource the
     * path acts on ({@code /plans/{id}} for {@code /plans/{id}/transitions}).
     */
    String currentEtag(String path) {
        for (String resource = path; resource.lastIndexOf('/') > 0;
                resource = resource.substring(0, resource.lastIndexOf('/'))) {
            RawHttp.Answer answer = gateway.call("GET", resource, null);
            if (answer.status() == 200 && answer.etag() != null) {
                return answer.etag();
            }
        }
        return null;
    }

    String listed(String collection, String name) {
        JsonNode listing = gateway.get(collection + (collection.contains("?") ? "&" : "?") + "size=5");
        JsonNode first = (listing.isArray() ? listing : listing.path("items")).path(0);
        for (String field : List.of(name, "id", "code")) {
            if (first.path(field).isValueNode()) {
                return first.path(field).asText();
            }
        }
        return first.isValueNode() ? first.asText() : null;
    }

    /** Creates a resource through {@code POST collection} with a valid body; its id, or null. */
    private String create(String collection, String name, Map<String, String> pathValues) {
        Operation creation = document.operations().stream()
                .filter(o -> o.method().equals("POST") && o.path().equals(collection)).findFirst().orElse(null);
        if (creation == null) {
            return null;
        }
        Map<String, String> outer = new LinkedHashMap<>();
        pathValues.forEach((key, value) -> {
            if (collection.contains("{" + key + "}")) {
                outer.put(key, value);
            }
        });
        ObjectNode schema = creation.jsonBody();
        JsonNode body = schema == null ? null : valid.value(schema, "", 0);
        StringBuilder target = new StringBuilder(ValidRequests.fill(collection, outer));
        String separator = "?";
        for (Parameter parameter : creation.in("query")) {
            if (parameter.required() || parameter.name().equals("mode")) {
                target.append(separator).append(parameter.name()).append('=')
                        .append(Urls.encode(valid.queryValue(creation, parameter)));
                separator = "&";
            }
        }
        RawHttp.Answer answer = gateway.call("POST", target.toString(), body);
        synchronized (fixtureOutcomes) {
            fixtureOutcomes.merge(creation.path() + " " + answer.status(), 1, Integer::sum);
        }
        if (answer.status() / 100 != 2) {
            return null;
        }
        JsonNode resource = FuzzGateway.parse(answer);
        for (String field : List.of(name, "id", "code")) {
            if (resource.path(field).isValueNode()) {
                created.add(resource.path(field).asText());
                return resource.path(field).asText();
            }
        }
        return null;
    }

    /** A value looked up once (a recursive lookup may add others meanwhile); null when there is none. */
    String shared(String key, Supplier<String> lookup) {
        if (!sharedValues.containsKey(key)) {
            String found = lookup.get();
            sharedValues.put(key, found == null ? "" : found);
        }
        String value = sharedValues.get(key);
        return value.isEmpty() ? null : value;
    }
}
