package vn.commops.gateway.traffic;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;
import vn.commops.gateway.problem.Problem;

/** One circuit per service, so that one failing service is cut off without touching the others. */
@ApplicationScoped
public class Circuits {

    private final Map<String, Circuit> byService = new LinkedHashMap<>();

    Circuits(Downstreams downstreams, GatewayConfig config) {
        GatewayConfig.CircuitBreaker breaker = config.circuitBreaker();
        for (Downstream downstream : downstreams.all()) {
            byService.put(downstream.name(), new Circuit(downstream.title(), breaker.failureThreshold(),
                    breaker.coolDown(), System::nanoTime));
        }
    }

    public Circuit of(Downstream downstream) {
        return byService.get(downstream.name());
    }

    /** Each service's circuit, by service name, in the services' order. */
    public Map<String, Circuit> all() {
        return byService;
    }

    /** The answer to a request the circuit refused: the service is named, the client told when to try again. */
    public static Problem refusal(Downstream downstream, long retryAfterSeconds, String path) {
        return Problem.of(503, "service-unavailable", "Service Unavailable",
                "The " + downstream.title() + " is failing, so the gateway holds requests back from it; try again in "
                        + retryAfterSeconds + " s", path);
    }
}
