package vn.commops.gateway.balancing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of a stand-in service: a plain listener, not a copy of any service's logic. It echoes
 * each /api request (who served it, the method, the body's size, the Idempotency-Key), answers its
 * readiness as told, counts what it was sent, and can be stopped and started again on its port.
 */
final class StandInInstance {

    /** What it does with an /api request. */
    enum Mode {
        /** Answers with the echo once the body is in. */
        ECHO,
        /** Reads the body, then closes the connection without a word: an instance dying on the request. */
        DROP,
        /** Answers as soon as the first piece of the body arrives, saying how much it had: proof of streaming. */
        EARLY
    }

    private final String name;
    private final String openapi;
    private final AtomicInteger apiHits = new AtomicInteger();
    private final AtomicInteger openapiHits = new AtomicInteger();
    private volatile boolean ready = true;
    private volatile Mode mode = Mode.ECHO;
    private HttpServer server;
    private int port;

    StandInInstance(String fleet, int index) {
        this.name = fleet + "-" + index;
        this.openapi = new JsonObject().put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", fleet).put("version", "1"))
                .put("paths", new JsonObject().put("/api/v1/" + fleet + "/items", new JsonObject()
                        .put("get", new JsonObject().put("operationId", fleet + "Items").put("responses",
                                new JsonObject().put("200", new JsonObject().put("description", "The items"))))))
                .encode();
    }

    /** @param port 0 for any free port the first time, then the same port again */
    synchronized int start(Vertx vertx, int port) throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle);
        this.port = server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
        return this.port;
    }

    synchronized void restart(Vertx vertx) throws Exception {
        if (server == null) {
            start(vertx, port);
        }
    }

    /** Stops listening and closes every connection, as a killed process would. */
    synchronized void stop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get();
            server = null;
        }
    }

    void ready(boolean ready) {
        this.ready = ready;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    JsonObject hits() {
        return new JsonObject().put("api", apiHits.get()).put("openapi", openapiHits.get());
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/health/ready")) {
            request.response().setStatusCode(ready ? 200 : 503).putHeader("Content-Type", "application/json")
                    .end(ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        } else if (path.startsWith("/q/openapi")) {
            openapiHits.incrementAndGet();
            request.response().putHeader("Content-Type", "application/json").end(openapi);
        } else {
            apiHits.incrementAndGet();
            switch (mode) {
                case ECHO -> request.body().onSuccess(body -> echo(request, body.length()));
                case DROP -> request.body().onComplete(read -> request.connection().close());
                case EARLY -> answerOnFirstPiece(request);
            }
        }
    }

    private void echo(HttpServerRequest request, int bodyBytes) {
        request.response().setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Served-By", name)
                .end(new JsonObject().put("instance", name).put("method", request.method().name())
                        .put("bodyBytes", bodyBytes).put("idempotencyKey", request.getHeader("Idempotency-Key"))
                        .encode());
    }

    private void answerOnFirstPiece(HttpServerRequest request) {
        long[] received = {0};
        request.handler(piece -> {
            received[0] += piece.length();
            if (!request.response().ended()) {
                request.response().putHeader("Content-Type", "application/json").putHeader("X-Served-By", name)
                        .end(new JsonObject().put("instance", name).put("receivedBeforeAnswer", received[0]).encode());
            }
        });
    }
}
