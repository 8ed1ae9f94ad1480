package vn.commops.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.commops.gateway.routing.RouteTable;

/**
 * The gateway is ready once it can route, whatever the services' state: a service that is down gets
 * a 503 problem, and taking the gateway out of rotation would only hide the other services too.
 */
@Readiness
@ApplicationScoped
public class RoutesReadiness implements HealthCheck {

    private final RouteTable routes;

    RoutesReadiness(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gateway routes")
                .status(!routes.routes().isEmpty())
                .withData("prefixes", routes.routes().size())
                .build();
    }
}
