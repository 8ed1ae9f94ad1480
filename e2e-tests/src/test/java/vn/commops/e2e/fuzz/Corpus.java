package vn.commops.e2e.fuzz;

import static vn.commops.e2e.fuzz.FuzzCase.Expect.ANSWER;
import static vn.commops.e2e.fuzz.FuzzCase.Expect.REFUSE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import vn.commops.e2e.fuzz.ApiDocument.Operation;
import vn.commops.e2e.fuzz.ApiDocument.Parameter;
import vn.commops.e2e.fuzz.FuzzCase.Expect;
import vn.commops.e2e.fuzz.ValidRequests.Base;

/**
 * The requests the fuzzer sends to one operation: its JSON body mutated ({@link FieldMutations},
 * {@link DocumentMutations}), each
 * query, path and header parameter given values its schema refuses and text no parameter may carry (NUL and
 * other controls, broken percent-escapes, bytes that are not UTF-8), oversized headers and URLs.
 */
final class Corpus {

    private static final String VIETNAMESE = Normalizer.normalize("Lào Cai", Normalizer.Form.NFC);
    private static final String DECOMPOSED = Normalizer.normalize(VIETNAMESE, Normalizer.Form.NFD);

    private final ValidRequests valid;
    private final String token;
    private final Random random;
    private int operations;

    Corpus(ValidRequests valid, String token, long seed) {
        this.valid = valid;
        this.token = token;
        this.random = new Random(seed);
    }

    List<FuzzCase> of(Operation operation) {
        Base base = valid.base(operation);
        Cases cases = new Cases(operation, base);
        if (operation.jsonBody() != null) {
            cases.probe();
            ObjectNode schema = operation.jsonBody();
            Supplier<JsonNode> fresh = () -> valid.value(schema, "", 0);
            List<BodyVariant> bodies = new ArrayList<>(new FieldMutations(operation, valid, fresh, random).all());
            bodies.addAll(new DocumentMutations(operation, fresh).all());
            for (BodyVariant variant : bodies) {
                cases.add(new FuzzCase(operation.id(), variant.mutation(), "body", variant.target(), variant.expect(),
                        cases.request(cases.baseQuery, List.of(), List.of(), variant.body(), variant.contentType()),
                        variant.batchItem(), variant.pair()));
            }
        } else if (!operation.writes()) {
            cases.probe();
        }
        for (Parameter parameter : operation.in("query")) {
            cases.query(parameter);
        }
        for (Parameter parameter : operation.in("path")) {
            cases.path(parameter);
        }
        for (Parameter parameter : operation.in("header")) {
            cases.header(parameter);
        }
        cases.http(operations++);
        List<FuzzCase> ordered = cases.inOrder();
        if (operation.writes() && !valid.own().ownData(base)) {
            // A write that could be accepted would change what other tests share: only the invalid are sent.
            return ordered.stream().filter(c -> c.expect() == REFUSE).toList();
        }
        return ordered;
    }

    /** The cases of one operation, each built from its valid base with one thing broken. */
    private final class Cases {

        private final Operation operation;
        private final Base base;
        private final List<FuzzCase> all = new ArrayList<>();
        private final List<String[]> baseQuery;
        private int stringParameters;

        Cases(Operation operation, Base base) {
            this.operation = operation;
            this.base = base;
            this.baseQuery = encodedQuery(base.query());
        }

        void add(FuzzCase fuzzCase) {
            all.add(fuzzCase);
        }

        /**
         * The requests the platform may accept go last: one accepted write changes the resource (its version, the
         * If-Match the others carry), which would blind the requests sent after it.
         */
        List<FuzzCase> inOrder() {
            List<FuzzCase> ordered = new ArrayList<>(all.stream().filter(c -> c.expect() == REFUSE).toList());
            ordered.addAll(all.stream().filter(c -> c.expect() == ANSWER).toList());
            return ordered;
        }

        /** The valid base itself: tells whether the "invalid accepted" oracle can see anything on this operation. */
        void probe() {
            add(new FuzzCase(operation.id(), "valid-base", "request", "(unchanged)", ANSWER,
                    request(baseQuery, List.of(), List.of(), freshBody(), JsonText.JSON), false, null));
        }

        void query(Parameter parameter) {
            ObjectNode schema = parameter.schema();
            String type = ApiDocument.type(schema);
            String format = ApiDocument.format(schema);
            String name = parameter.name();
            if (parameter.required()) {
                add("missing-required", "query", name + " (absent)", REFUSE, without(name), List.of(), List.of());
            }
            switch (type) {
                case "integer" -> {
                    query(name, "wrong-type", "abc", REFUSE);
                    query(name, "float-for-integer", "1.5", REFUSE);
                    query(name, "number-out-of-range", format.equals("int32") ? "2147483648" : "9223372036854775808",
                            REFUSE);
                    query(name, "number-out-of-range", "9".repeat(400), REFUSE);
                    if (schema.has("minimum")) {
                        query(name, "below-minimum", Long.toString(schema.get("minimum").asLong() - 1), REFUSE);
                    }
                    long maximum = schema.path("maximum").asLong(Long.MAX_VALUE);
                    if (schema.has("maximum")) {
                        query(name, "above-maximum", Long.toString(maximum + 1), REFUSE);
                    }
                    // page=2147483647 and size=100000: in range for an int32, and for the schema unless it bounds them.
                    query(name, "paging-extreme", "2147483647", maximum < Integer.MAX_VALUE ? REFUSE : ANSWER);
                    query(name, "paging-extreme", "100000", maximum < 100000 ? REFUSE : ANSWER);
                }
                case "boolean" -> {
                    query(name, "bogus-boolean", "maybe", REFUSE);
                    query(name, "bogus-boolean", "yes", REFUSE);
                }
                case "string" -> {
                    if (schema.has("enum")) {
                        query(name, "unknown-enum", "FZ_NOT_A_VALUE", REFUSE);
                    } else if (format.equals("date") || format.equals("date-time")) {
                        String time = format.equals("date") ? "" : "T08:00:00%2B07:00";
                        query(name, "impossible-date", "2025-02-30" + time, REFUSE);
                        query(name, "impossible-date", "2025-13-01" + time, REFUSE);
                        query(name, "number-as-date", "1700000000", REFUSE);
                    } else if (format.equals("uuid")) {
                        query(name, "bad-format", "not-a-uuid", REFUSE);
                    } else if (schema.has("pattern") && !ValidRequests.matches(schema, "   ")) {
                        query(name, "pattern-mismatch", "%20%20%20", REFUSE);
                    }
                    if (schema.has("maxLength")) {
                        query(name, "too-long", "x".repeat(schema.get("maxLength").asInt() + 1), REFUSE);
                    }
                }
                default -> { }
            }
            // Text no parameter may hold, on the first string parameters (sampled beyond two).
            if (type.equals("string") && (stringParameters < 2 || random.nextInt(3) == 0)) {
                String value = valid.queryValue(operation, parameter);
                String encoded = Urls.encode(value);
                query(name, "control-char", encoded + "%00x", REFUSE);
                query(name, "control-char", "a%1Bb" + encoded, REFUSE);
                query(name, "bad-escape", encoded + "%zz", REFUSE);
                query(name, "invalid-utf8", encoded + "%C3%28%FF", REFUSE);
                query(name, "lone-surrogate", encoded + "%ED%A0%80", REFUSE);
                if (!operation.writes() && stringParameters == 0) {
                    query(name, "rtl-mark", "%E2%80%8F" + Urls.encode(VIETNAMESE), ANSWER);
                    String pair = operation.id() + " ?" + name;
                    add(new FuzzCase(operation.id(), "unicode-precomposed", "query", name + "=" + VIETNAMESE, ANSWER,
                            request(with(name, Urls.encode(VIETNAMESE)), List.of(), List.of(), freshBody(),
                                    JsonText.JSON), false, pair));
                    add(new FuzzCase(operation.id(), "unicode-decomposed", "query", name + "=" + DECOMPOSED + " (NFD)",
                            ANSWER, request(with(name, Urls.encode(DECOMPOSED)), List.of(), List.of(), freshBody(),
                                    JsonText.JSON), false, pair));
                }
                stringParameters++;
            }
        }

        void path(Parameter parameter) {
            String name = parameter.name();
            ObjectNode schema = parameter.schema();
            path(name, "bad-escape", "%zz", REFUSE);
            path(name, "control-char", "a%00b", REFUSE);
            path(name, "invalid-utf8", "a%C3%28%FF", REFUSE);
            path(name, "lone-surrogate", "a%ED%A0%80", REFUSE);
            if (ApiDocument.format(schema).equals("uuid")) {
                path(name, "bad-format", "not-a-uuid", REFUSE);
            } else if (ApiDocument.type(schema).equals("integer")) {
                path(name, "wrong-type", "abc", REFUSE);
                path(name, "float-for-integer", "1.5", REFUSE);
                path(name, "number-out-of-range", "2147483648", REFUSE);
            } else if (!operation.writes()) {
                // A code the schema does not constrain: not invalid, only unknown.
                path(name, "rtl-mark", "%E2%80%8F" + Urls.encode(DECOMPOSED), ANSWER);
            }
        }

        void header(Parameter parameter) {
            String name = parameter.name();
            String value = base.headers().stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst()
                    .orElse("fz-" + random.nextInt(1_000_000));
            boolean credential = name.equalsIgnoreCase("X-Api-Key");
            if (parameter.required()) {
                add("missing-required", "header", name + " (absent)", REFUSE, baseQuery, List.of(), List.of(name));
            }
            header(name, "control-char", value + "\u0000x", REFUSE);
            header(name, "control-char", "a\u001bb" + value, REFUSE);
            if (credential) {
                header(name, "invalid-utf8", value + "\u00c3(\u00ff", REFUSE);
            }
            int maxLength = parameter.schema().path("maxLength").asInt(Integer.MAX_VALUE);
            if (maxLength < 8192) {
                header(name, "too-long", "k".repeat(maxLength + 1), REFUSE);
            }
            header(name, "oversized-header", "k".repeat(8192), maxLength < 8192 || credential ? REFUSE : ANSWER);
        }

        /** The HTTP layer: broken request lines, bad and oversized headers, a wrong or absurd token. */
        void http(int index) {
            String path = staticPart();
            // The request line is parsed before any route: one broken line an operation is enough.
            if (index % 2 == 0) {
                add(raw("bad-escape", "url", path + "%zz", REFUSE));
            } else {
                add(raw("control-char", "url", path + "%00", REFUSE));
            }
            if (operation.writes()) {
                add(raw("long-url", "url", target(List.of()) + "/" + "x".repeat(10 * 1024), REFUSE));
                if (operation.jsonBody() != null) {
                    add("bad-header", "header", "Content-Length: abc", REFUSE, baseQuery,
                            List.<String[]>of(new String[] {"Content-Length", "abc"}), List.of());
                }
            } else {
                add(raw("long-url", "url", target(with("fz", "x".repeat(10 * 1024))), ANSWER));
            }
            // The HTTP layer is the gateway's, the same for every read: every third one is enough.
            if (!operation.writes() && index % 3 == 0) {
                add("oversized-header", "header", "X-Fuzz: 8 KB", ANSWER, baseQuery,
                        List.<String[]>of(new String[] {"X-Fuzz", "v".repeat(8192)}), List.of());
                add("control-char", "header", "X-Fuzz: a NUL b", ANSWER, baseQuery,
                        List.<String[]>of(new String[] {"X-Fuzz", "a\u0000b"}), List.of());
                add("bad-header", "header", "a header name with a space", ANSWER, baseQuery,
                        List.<String[]>of(new String[] {"X Fuzz", "1"}), List.of());
                add("bad-header", "header", "Accept: application/xml", ANSWER, baseQuery,
                        List.<String[]>of(new String[] {"Accept", "application/xml"}), List.of());
                // Trace context that is no W3C trace context: ignored, and a new trace started.
                add("bad-header", "header", "traceparent and tracestate garbage", ANSWER, baseQuery,
                        List.<String[]>of(new String[] {"traceparent", "00-zz-" + "f".repeat(300) + "-01"},
                                new String[] {"tracestate", "=,;=,"}), List.of());
            }
            if (operation.path().startsWith("/api/") && index % 2 == 0) {
                authorization("Bearer " + "e".repeat(8192), "oversized bearer token");
            } else if (operation.path().startsWith("/api/")) {
                authorization("Bearer " + token.substring(0, 20) + "\u0000" + token.substring(20), "NUL in the token");
            }
        }

        private void authorization(String value, String gist) {
            RawHttp.Request request = request(baseQuery, List.<String[]>of(new String[] {"Authorization", value}),
                    List.of(), freshBody(), JsonText.JSON);
            add(new FuzzCase(operation.id(), "bad-auth", "header", gist, REFUSE, request, false, null));
        }

        /** The path up to its first parameter: where a broken request line goes. */
        private String staticPart() {
            int brace = operation.path().indexOf('{');
            return brace < 0 ? operation.path() : operation.path().substring(0, brace - 1);
        }

        private FuzzCase raw(String mutation, String where, String target, Expect expect) {
            RawHttp.Request request = request(baseQuery, List.of(), List.of(), freshBody(), JsonText.JSON);
            return new FuzzCase(operation.id(), mutation, where, JsonText.gist(target), expect,
                    new RawHttp.Request(request.method(), target, request.headers(), request.body()), false, null);
        }

        private void query(String name, String mutation, String encodedValue, Expect expect) {
            add(mutation, "query", name + "=" + JsonText.gist(encodedValue), expect, with(name, encodedValue),
                    List.of(), List.of());
        }

        private void path(String name, String mutation, String encodedValue, Expect expect) {
            Map<String, String> path = encodedPath();
            path.put(name, encodedValue);
            RawHttp.Request request = request(baseQuery, List.of(), List.of(), freshBody(), JsonText.JSON);
            String target = fill(path) + queryString(baseQuery);
            add(new FuzzCase(operation.id(), mutation, "path", "{" + name + "}=" + JsonText.gist(encodedValue),
                    expect, new RawHttp.Request(request.method(), target, request.headers(), request.body()), false,
                    null));
        }

        private void header(String name, String mutation, String value, Expect expect) {
            add(mutation, "header", name + ": " + JsonText.gist(value), expect, baseQuery,
                    List.<String[]>of(new String[] {name, value}), List.of());
        }

        private void add(String mutation, String where, String target, Expect expect, List<String[]> encodedQuery,
                         List<String[]> extraHeaders, List<String> dropHeaders) {
            RawHttp.Request request = request(encodedQuery, extraHeaders, dropHeaders, freshBody(), JsonText.JSON);
            add(new FuzzCase(operation.id(), mutation, where, target, expect, request, false, null));
        }

        /**
         * The operation's request with the national admin's token, the base's headers (less those dropped, and
         * those given replacing theirs), the query (already encoded) and a body of the given media type.
         */
        RawHttp.Request request(List<String[]> encodedQuery, List<String[]> extraHeaders, List<String> dropHeaders,
                                byte[] bytes, String contentType) {
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Authorization", "Bearer " + token});
            if (bytes != null && contentType != null) {
                headers.add(new String[] {"Content-Type", contentType});
            }
            for (String[] header : base.headers()) {
                if (!dropHeaders.contains(header[0])) {
                    headers.add(header);
                }
            }
            for (String[] header : extraHeaders) {
                headers.removeIf(h -> h[0].equalsIgnoreCase(header[0]));
                headers.add(header);
            }
            return new RawHttp.Request(operation.method(), fill(encodedPath()) + queryString(encodedQuery), headers,
                    bytes);
        }

        private byte[] freshBody() {
            return operation.jsonBody() == null ? null
                    : valid.value(operation.jsonBody(), "", 0).toString().getBytes(StandardCharsets.UTF_8);
        }

        private Map<String, String> encodedPath() {
            Map<String, String> encoded = new LinkedHashMap<>();
            base.pathValues().forEach((name, value) -> encoded.put(name, Urls.encode(value)));
            return encoded;
        }

        private String fill(Map<String, String> encodedPath) {
            String path = operation.path();
            for (Map.Entry<String, String> value : encodedPath.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            return path;
        }

        private String target(List<String[]> encodedQuery) {
            return fill(encodedPath()) + queryString(encodedQuery);
        }

        /** The base's query with one parameter set to an already encoded (or broken) value. */
        private List<String[]> with(String name, String encodedValue) {
            List<String[]> query = new ArrayList<>();
            for (String[] parameter : baseQuery) {
                if (!parameter[0].equals(name)) {
                    query.add(parameter);
                }
            }
            query.add(new String[] {name, encodedValue});
            return query;
        }

        private List<String[]> without(String name) {
            List<String[]> query = new ArrayList<>(baseQuery);
            query.removeIf(parameter -> parameter[0].equals(name));
            return query;
        }

        private static List<String[]> encodedQuery(List<String[]> query) {
            List<String[]> encoded = new ArrayList<>();
            for (String[] parameter : query) {
                encoded.add(new String[] {parameter[0], Urls.encode(parameter[1])});
            }
            return encoded;
        }

        private String queryString(List<String[]> encodedQuery) {
            StringBuilder query = new StringBuilder();
            for (String[] parameter : encodedQuery) {
                query.append(query.length() == 0 ? '?' : '&').append(parameter[0]).append('=').append(parameter[1]);
            }
            return query.toString();
        }
    }
}
