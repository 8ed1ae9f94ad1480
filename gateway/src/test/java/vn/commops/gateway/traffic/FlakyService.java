package vn.commops.gateway.traffic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fifth service, {@code flaky} at {@code /api/v1/flaky}, that a test can make fail (500), busy (503),
 * hold its answers or work again through its own control paths, and that counts the API requests it was sent.
 */
public class FlakyService implements QuarkusTestResourceLifecycleManager {

    static final String URL = "commops.gateway.services.flaky.url";

    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger hits = new AtomicInteger();
    /** API requests held unanswered while the service is "holding", answered on release. */
    private final Queue<HttpServerRequest> held = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean holding = new AtomicBoolean();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            int port = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get().actualPort();
            return Map.of(URL, "http://127.0.0.1:" + port, "commops.gateway.services.flaky.prefixes", "/api/v1/flaky");
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the flaky service", e);
        }
    }

    private void handle(HttpServerRequest request) {
        switch (request.path()) {
            case "/control/failing" -> {
                failing.set(true);
                request.response().end();
            }
            case "/control/working" -> {
                failing.set(false);
                busy.set(false);
                request.response().end();
            }
            case "/control/busy" -> {
                busy.set(true);
                request.response().end();
            }
            case "/control/hits" -> request.response().end(Integer.toString(hits.get()));
            case "/control/hold" -> {
                holding.set(true);
                request.response().end();
            }
            case "/control/release" -> {
                holding.set(false);
                for (HttpServerRequest waiting = held.poll(); waiting != null; waiting = held.poll()) {
                    answer(waiting);
                }
                request.response().end();
            }
            case "/q/health/ready" -> request.response().end("{\"status\":\"UP\"}");
            default -> {
                hits.incrementAndGet();
                if (holding.get()) {
                    held.add(request);
                    return;
                }
                answer(request);
            }
        }
    }

    private void answer(HttpServerRequest request) {
        if (busy.get()) {
            request.response().putHeader("Content-Type", "application/problem+json").putHeader("Retry-After", "2")
                    .setStatusCode(503).end("{\"status\":503,\"title\":\"Service temporarily unavailable\"}");
            return;
        }
        request.response().putHeader("Content-Type", "application/json")
                .setStatusCode(failing.get() ? 500 : 200)
                .end(failing.get() ? "{\"status\":500}" : "{\"service\":\"flaky\"}");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
