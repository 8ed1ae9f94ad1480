package vn.commops.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import vn.commops.gateway.balancing.InstanceReadiness;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;

/**
 * Each service's readiness, as seen from the gateway, at {@code /q/health/group/downstreams}: under the
 * service's name, {@code UP} while an instance is ready; for a service with several instances, also
 * each instance's under {@code service@address}. Asked afresh at each call, and the answers also serve
 * the routing. In a group of its own, outside liveness and readiness, so that one service being down
 * never takes the gateway (and with it every other service) out of rotation.
 */
@HealthGroup(DownstreamReadiness.GROUP)
@ApplicationScoped
public class DownstreamReadiness implements AsyncHealthCheck {

    public static final String GROUP = "downstreams";

    private final Downstreams downstreams;
    private final InstanceReadiness readiness;

    DownstreamReadiness(Downstreams downstreams, InstanceReadiness readiness) {
        this.downstreams = downstreams;
        this.readiness = readiness;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(readiness.pollAll().map(this::report).toCompletionStage());
    }

    private HealthCheckResponse report(List<InstanceReadiness.Observation> observations) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream services").up();
        for (Downstream service : downstreams.all()) {
            List<InstanceReadiness.Observation> instances = observations.stream()
                    .filter(observation -> observation.instance().service().equals(service.name())).toList();
            long ready = instances.stream().filter(InstanceReadiness.Observation::ready).count();
            if (instances.size() == 1) {
                builder.withData(service.name(), instances.get(0).state());
            } else {
                instances.forEach(observation -> builder.withData(
                        service.name() + "@" + observation.instance().address(), observation.state()));
                builder.withData(service.name(), ready == instances.size() ? "UP"
                        : ready > 0 ? "UP (" + ready + " of " + instances.size() + " instances ready)"
                        : "DOWN (no instance ready)");
            }
            if (ready < instances.size()) {
                builder.down();
            }
        }
        return builder.build();
    }
}
