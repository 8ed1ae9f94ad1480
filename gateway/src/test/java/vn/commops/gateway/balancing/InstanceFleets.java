package vn.commops.gateway.balancing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Services run as several instances ("fleets"), one per scenario so that no test disturbs another's:
 * each is routed at {@code /api/v1/<fleet>}, with the URLs of its instances comma-separated as in
 * production. The tests steer the instances through a control listener of their own (the test and
 * this resource do not share classes), at {@code <control-url>/<fleet>/<index>/<command>}: {@code hits},
 * {@code stop}, {@code start}, {@code ready}, {@code unready}, {@code echo}, {@code drop}, {@code early}.
 */
public class InstanceFleets implements QuarkusTestResourceLifecycleManager {

    static final String CONTROL_URL = "test.fleets.control-url";
    /** Each fleet and its number of instances. */
    static final Map<String, Integer> FLEETS = fleets();

    private final Map<String, List<StandInInstance>> instances = new HashMap<>();
    private Vertx vertx;

    private static Map<String, Integer> fleets() {
        Map<String, Integer> fleets = new LinkedHashMap<>();
        fleets.put("spread", 3);
        fleets.put("stopping", 2);
        fleets.put("draining", 2);
        fleets.put("documented", 2);
        fleets.put("dropping", 2);
        fleets.put("failover", 2);
        fleets.put("uploads", 2);
        fleets.put("down", 2);
        return fleets;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        try {
            for (Map.Entry<String, Integer> fleet : FLEETS.entrySet()) {
                List<StandInInstance> members = new ArrayList<>();
                List<String> urls = new ArrayList<>();
                for (int i = 0; i < fleet.getValue(); i++) {
                    StandInInstance instance = new StandInInstance(fleet.getKey(), i);
                    urls.add("http://127.0.0.1:" + instance.start(vertx, 0));
                    members.add(instance);
                }
                instances.put(fleet.getKey(), members);
                String service = "commops.gateway.services." + fleet.getKey();
                // A space after each comma, as a person may write the list.
                config.put(service + ".url", String.join(", ", urls));
                config.put(service + ".prefixes", "/api/v1/" + fleet.getKey());
            }
            int control = vertx.createHttpServer().requestHandler(this::control).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get().actualPort();
            config.put(CONTROL_URL, "http://127.0.0.1:" + control);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the stand-in instances", e);
        }
        return config;
    }

    private void control(HttpServerRequest request) {
        String[] parts = request.path().split("/");
        if (parts.length != 4 || !instances.containsKey(parts[1])) {
            request.response().setStatusCode(404).end();
            return;
        }
        StandInInstance instance = instances.get(parts[1]).get(Integer.parseInt(parts[2]));
        // Starting and stopping wait for the listener, so they run off the event loop.
        vertx.<String>executeBlocking(() -> obey(instance, parts[3])).onComplete(done -> {
            if (done.succeeded()) {
                request.response().end(done.result());
            } else {
                request.response().setStatusCode(500).end(String.valueOf(done.cause()));
            }
        });
    }

    private String obey(StandInInstance instance, String command) throws Exception {
        switch (command) {
            case "hits" -> {
                return instance.hits().encode();
            }
            case "stop" -> instance.stop();
            case "start" -> instance.restart(vertx);
            case "ready", "unready" -> instance.ready(command.equals("ready"));
            default -> instance.mode(StandInInstance.Mode.valueOf(command.toUpperCase()));
        }
        return "";
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
