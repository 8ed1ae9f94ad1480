package vn.commops.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stand-in for one service: it publishes a small OpenAPI document and readiness, and echoes every
 * /api request (method, target, headers, body) so a test can see what the gateway forwarded.
 * {@code /slow} paths never answer.
 */
public final class StubService {

    public static final String PARTNER_KEY = "cok_stub-partner-key-of-post-office-lc";
    /** A key the registry refuses to read (as a service refuses a header it will not take): no key, so 401. */
    public static final String KEY_THE_REGISTRY_REFUSES = "cok_stub-key-the-registry-answers-400-to";
    /** A key the registry fails on: the registry is in trouble, not the key, so 503. */
    public static final String KEY_THE_REGISTRY_FAILS_ON = "cok_stub-key-the-registry-answers-500-to";

    /** Bodies up to this size are echoed whole. */
    private static final int ECHOED_BODY_BYTES = 65_536;

    private final String name;
    private final String openapi;
    private HttpServer server;

    StubService(String name, String openapi) {
        this.name = name;
        this.openapi = openapi;
    }

    int start(Vertx vertx) throws Exception {
        // The services' own HTTP limits, far above the gateway's (they answer past their own limits themselves).
        server = vertx.createHttpServer(new HttpServerOptions().setMaxInitialLineLength(65_536).setMaxHeaderSize(65_536))
                .requestHandler(this::handle);
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openapi);
        } else if (path.equals("/q/health/ready")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
        } else if (path.equals("/api/v1/partners/credentials/introspect")) {
            introspect(request);
        } else if (path.endsWith("/slow")) {
            request.pause(); // silence: the gateway must give up on its own
        } else {
            readThenEcho(request);
        }
    }

    /** The partner registry's answer: one known key, {@link #PARTNER_KEY}, of a partner granted Lào Cai. */
    private static void introspect(HttpServerRequest request) {
        String key = request.getHeader("X-Api-Key");
        if (KEY_THE_REGISTRY_REFUSES.equals(key) || KEY_THE_REGISTRY_FAILS_ON.equals(key)) {
            int status = KEY_THE_REGISTRY_REFUSES.equals(key) ? 400 : 500;
            request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                    .end("{\"status\":" + status + "}");
        } else if (key != null && !key.startsWith("cok_")) {
            // The gateway only asks about keys of the registry's shape.
            request.response().setStatusCode(500).end("asked about " + key.length() + " characters that are no key");
        } else if (PARTNER_KEY.equals(key)) {
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("partnerId", "post-office-lc").put("name", "Bưu điện tỉnh Lào Cai")
                    .put("orgUnits", new io.vertx.core.json.JsonArray().add("LC"))
                    .put("forms", new io.vertx.core.json.JsonArray().add("BANNER").add("LEAFLET"))
                    .put("keyId", "k1").encode());
        } else {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end("{\"status\":401}");
        }
    }

    /**
     * Hashes the body as it arrives rather than once it is whole: the gateway gives a service 2 s (in
     * tests) from the end of the upload, and hashing 50 MB at the end took longer than that on a busy machine.
     */
    private void readThenEcho(HttpServerRequest request) {
        MessageDigest digest = sha256();
        Buffer start = Buffer.buffer();
        long[] length = {0};
        request.handler(piece -> {
            digest.update(piece.getBytes());
            length[0] += piece.length();
            if (start.length() <= ECHOED_BODY_BYTES) {
                start.appendBuffer(piece);
            }
        });
        request.endHandler(ended -> echo(request, length[0], HexFormat.of().formatHex(digest.digest()),
                length[0] <= ECHOED_BODY_BYTES ? start : null));
    }

    private void echo(HttpServerRequest request, long bodyBytes, String bodySha256, Buffer body) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
        JsonObject echo = new JsonObject()
                .put("service", name)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("headers", headers)
                .put("bodyBytes", bodyBytes)
                .put("bodySha256", bodySha256);
        if (body != null) {
            echo.put("body", body.toString(StandardCharsets.UTF_8));
        }
        request.response()
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                // A service echoing the id: the client must still see exactly one.
                .putHeader("X-Request-Id", "service-" + name)
                .putHeader("X-Served-By", name)
                .setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                .end(echo.encode());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
