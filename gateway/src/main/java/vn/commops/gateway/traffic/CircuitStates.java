package vn.commops.gateway.traffic;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Each service's circuit ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}) at {@code /q/health/group/circuits};
 * down while a circuit is open. In a group of its own, like the services' readiness, so that it never
 * takes the gateway out of rotation.
 */
@HealthGroup(CircuitStates.GROUP)
@ApplicationScoped
public class CircuitStates implements HealthCheck {

    public static final String GROUP = "circuits";

    private final Circuits circuits;

    CircuitStates(Circuits circuits) {
        this.circuits = circuits;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream circuits").up();
        circuits.all().forEach((service, circuit) -> {
            Circuit.State state = circuit.state();
            builder.withData(service, state.name());
            if (state == Circuit.State.OPEN) {
                builder.down();
            }
        });
        return builder.build();
    }
}
