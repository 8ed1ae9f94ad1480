package vn.commops.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;
import vn.commops.gateway.downstream.ServiceProbe;

/**
 * Each service's readiness, as seen from the gateway, at {@code /q/health/group/downstreams}. In a group
 * of its own, outside liveness and readiness, so that one service being down never takes the gateway
 * (and with it every other service) out of rotation.
 */
@HealthGroup(DownstreamReadiness.GROUP)
@ApplicationScoped
public class DownstreamReadiness implements AsyncHealthCheck {

    public static final String GROUP = "downstreams";

    private record State(Downstream service, String state) {
    }

    private final Downstreams downstreams;
    private final ServiceProbe probe;

    DownstreamReadiness(Downstreams downstreams, ServiceProbe probe) {
        this.downstreams = downstreams;
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<State>> states = downstreams.all().stream().map(this::stateOf).toList();
        Future<HealthCheckResponse> report = Future.join(states).map(done -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream services").up();
            for (Future<State> each : states) {
                State state = each.result();
                builder.withData(state.service().name(), state.state());
                if (!"UP".equals(state.state())) {
                    builder.down();
                }
            }
            return builder.build();
        });
        return Uni.createFrom().completionStage(report.toCompletionStage());
    }

    private Future<State> stateOf(Downstream service) {
        return probe.get(service, service.readinessPath())
                .map(answer -> new State(service, answer.ok() ? "UP" : "DOWN (HTTP " + answer.status() + ")"))
                .otherwise(failure -> new State(service, "UNREACHABLE"));
    }
}
