package vn.commops.gateway.traffic;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;
import vn.commops.gateway.downstream.Instance;

/**
 * The circuits ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}) at {@code /q/health/group/circuits}:
 * each service's under its name (for several instances, the most open state its requests can still
 * get: {@code OPEN} only when every instance is cut off), and, for a service with several instances,
 * each instance's under {@code service@address}. Down while any circuit is open. In a group of its
 * own, like the services' readiness, so that it never takes the gateway out of rotation.
 */
@HealthGroup(CircuitStates.GROUP)
@ApplicationScoped
public class CircuitStates implements HealthCheck {

    public static final String GROUP = "circuits";

    private final Downstreams downstreams;
    private final Circuits circuits;

    CircuitStates(Downstreams downstreams, Circuits circuits) {
        this.downstreams = downstreams;
        this.circuits = circuits;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream circuits").up();
        for (Downstream service : downstreams.all()) {
            Circuit.State least = Circuit.State.OPEN;
            for (Instance instance : service.instances()) {
                Circuit.State state = circuits.of(instance).state();
                if (Circuits.level(state) < Circuits.level(least)) {
                    least = state;
                }
                if (service.instances().size() > 1) {
                    builder.withData(service.name() + "@" + instance.address(), state.name());
                }
                if (state == Circuit.State.OPEN) {
                    builder.down();
                }
            }
            builder.withData(service.name(), least.name());
        }
        return builder.build();
    }
}
