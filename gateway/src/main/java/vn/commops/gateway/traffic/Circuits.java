package vn.commops.gateway.traffic;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;
import vn.commops.gateway.downstream.Instance;
import vn.commops.gateway.downstream.InstanceMetrics;
import vn.commops.gateway.problem.Problem;

/**
 * One circuit per instance, so that one failing instance is cut off without touching its service's
 * other instances or the other services.
 */
@ApplicationScoped
public class Circuits {

    private final Map<Instance, Circuit> byInstance = new LinkedHashMap<>();

    Circuits(Downstreams downstreams, GatewayConfig config, InstanceMetrics metrics) {
        GatewayConfig.CircuitBreaker breaker = config.circuitBreaker();
        for (Downstream downstream : downstreams.all()) {
            for (Instance instance : downstream.instances()) {
                Circuit circuit = new Circuit(instance.title(), breaker.failureThreshold(), breaker.coolDown(),
                        System::nanoTime, () -> metrics.ejected(instance, InstanceMetrics.Ejection.CIRCUIT));
                byInstance.put(instance, circuit);
                metrics.watchCircuit(instance, () -> level(circuit.state()));
            }
        }
    }

    public Circuit of(Instance instance) {
        return byInstance.get(instance);
    }

    /** The gauge's value: how far the instance is cut off, so that {@code > 0} is "not fully in rotation". */
    static int level(Circuit.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    /** The answer to a request no instance's circuit let through: the client is told when to try again. */
    public static Problem refusal(Downstream downstream, long retryAfterSeconds, String path) {
        boolean alone = downstream.instances().size() == 1;
        String who = alone ? "The " + downstream.title() + " is failing"
                : "Every instance of the " + downstream.title() + " is failing or not ready";
        return Problem.of(503, "service-unavailable", "Service Unavailable",
                who + ", so the gateway holds requests back from it; try again in " + retryAfterSeconds + " s", path)
                .worded(alone ? "circuit-open" : "circuits-open", downstream.name(), String.valueOf(retryAfterSeconds));
    }
}
