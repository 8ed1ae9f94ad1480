package vn.commops.gateway.routing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service behind {@code /api/v1/traced} that answers with every value of the trace headers it
 * received, and an OpenTelemetry collector (OTLP over gRPC, that is HTTP/2 without TLS) that counts
 * the exports it was sent; the gateway is pointed at it with {@code COMMOPS_OTEL_ENDPOINT}.
 */
public class TracedService implements QuarkusTestResourceLifecycleManager {

    private static final String EXPORT = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    private static final AtomicInteger EXPORTS = new AtomicInteger();

    private Vertx vertx;

    static int exports() {
        return EXPORTS.get();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(TracedService::handle);
            int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
            String url = "http://127.0.0.1:" + port;
            return Map.of("commops.gateway.services.traced.url", url,
                    "commops.gateway.services.traced.prefixes", "/api/v1/traced",
                    "COMMOPS_OTEL_ENDPOINT", url,
                    // Spans are sent at once rather than every five seconds.
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the traced service", e);
        }
    }

    private static void handle(HttpServerRequest request) {
        if (request.path().equals(EXPORT)) {
            request.body().onSuccess(ignored -> {
                EXPORTS.incrementAndGet();
                // An empty ExportTraceServiceResponse: one uncompressed message of no bytes, then status OK.
                request.response().putHeader("content-type", "application/grpc").putTrailer("grpc-status", "0")
                        .end(Buffer.buffer(new byte[5]));
            });
        } else if (request.path().startsWith("/api/")) {
            JsonObject seen = new JsonObject()
                    .put("traceparent", new JsonArray(request.headers().getAll("traceparent")))
                    .put("tracestate", new JsonArray(request.headers().getAll("tracestate")));
            request.response().putHeader("Content-Type", "application/json").end(seen.encode());
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
