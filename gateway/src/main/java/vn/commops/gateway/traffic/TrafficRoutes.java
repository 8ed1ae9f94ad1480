package vn.commops.gateway.traffic;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.problem.ProblemWriter;
import vn.commops.gateway.routing.RouteTable;

/** Puts the traffic rules in front of the API and token routes; health, metrics and documents are not limited. */
@ApplicationScoped
public class TrafficRoutes {

    /** Early, so that even the answers of the CORS and authentication filters get the compression rule. */
    static final int COMPRESSION_ORDER = -9_000;
    /**
     * After Quarkus' CORS filter (-300), so a preflight is answered before it counts and a 429 carries
     * the CORS headers a browser needs to read it; before Quarkus security (-200) and the API's
     * authentication, so a flood is turned away before any credential is checked.
     */
    public static final int RATE_LIMIT_ORDER = -250;

    private final GatewayConfig config;
    private final ProblemWriter problems;
    private final RouteTable routes;

    TrafficRoutes(GatewayConfig config, ProblemWriter problems, RouteTable routes) {
        this.config = config;
        this.problems = problems;
        this.routes = routes;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(COMPRESSION_ORDER).handler(new ResponseCompression(config.compression()));
        if (config.rateLimit().enabled()) {
            RateLimiter limiter = new RateLimiter(config.rateLimit(), problems, routes);
            router.route("/api/*").order(RATE_LIMIT_ORDER).handler(limiter);
            // Token exchanges too: an API key guessed at full speed is still a flood.
            router.route("/auth/*").order(RATE_LIMIT_ORDER).handler(limiter);
        }
    }
}
