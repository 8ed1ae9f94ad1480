package vn.commops.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts stand-ins for the plan, activity and indicator services on free ports before the gateway
 * boots, and points the crisis service at a port where nothing listens: the gateway's tests are
 * about routing, so the real services are not needed (the end-to-end module runs those).
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        try {
            for (String name : new String[] {"plan", "activity", "indicator"}) {
                int port = new StubService(name, fixture("openapi/stub-" + name + ".json")).start(vertx);
                config.put("commops.gateway.services." + name + ".url", "http://127.0.0.1:" + port);
            }
            config.put("commops.gateway.services.crisis.url", "http://127.0.0.1:" + freePortNobodyListensOn());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the stand-in services", e);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static int freePortNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String fixture(String path) {
        try (InputStream in = StubServices.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
