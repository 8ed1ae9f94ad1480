package vn.commops.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.problem.Problem;
import vn.commops.gateway.problem.ProblemWriter;

/**
 * Installs the front door on the Quarkus router: every request gets an id and is checked
 * ({@link RequestChecks}), and everything under {@code /api/} goes to the service that owns its
 * prefix, or is answered with a problem.
 */
@ApplicationScoped
public class ApiRoutes {

    /** Before Quarkus' CORS (-300) and security (-200) filters, so that even their refusals carry an id. */
    static final int REQUEST_ID_ORDER = -10_000;
    /** Right after the id, so a refusal carries one; before anything else reads the URL or the headers. */
    static final int REQUEST_CHECKS_ORDER = REQUEST_ID_ORDER + 1;
    /** Before Quarkus' own body-size check (-2), whose 413 is not a problem document. */
    static final int API_ORDER = -3;
    /** Read by the Micrometer HTTP binder, as for a JAX-RS template, to label the request by route. */
    private static final String URL_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;
    private final DownstreamProxies proxies;
    private final ProblemWriter problems;
    private final long maxBodyBytes;
    private final RequestChecks checks;

    ApiRoutes(RouteTable routes, DownstreamProxies proxies, ProblemWriter problems, GatewayConfig config) {
        this.routes = routes;
        this.proxies = proxies;
        this.problems = problems;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.checks = new RequestChecks(problems, config);
    }

    void install(@Observes Router router) {
        router.route().order(REQUEST_ID_ORDER).handler(new RequestIds());
        router.route().order(REQUEST_CHECKS_ORDER).handler(checks);
        router.route("/api/*").order(API_ORDER).handler(this::forward);
    }

    void forward(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        if (!path.equals(rc.normalizedPath())) {
            // Dot segments could climb out of a prefix to a service's internal paths (/api/v1/plans/../../q/...).
            reject(rc, Problem.of(400, "bad-path", "Bad Request",
                    "The path must not contain dot segments, empty segments or escaped unreserved characters", path),
                    "/api/invalid");
            return;
        }
        Optional<RouteTable.Route> route = routes.find(path);
        if (route.isEmpty()) {
            reject(rc, Problem.of(404, "not-found", "Not Found", "No service offers " + path, path)
                    .worded("no-service", path), "/api/unknown");
            return;
        }
        if (declaredLength(request) > maxBodyBytes) {
            // Refused before the upload starts; the connection goes, as the client may send the body anyway.
            rc.response().putHeader("Connection", "close").endHandler(sent -> request.connection().close());
            reject(rc, DownstreamFailures.tooLarge(maxBodyBytes, path), route.get().template());
            return;
        }
        labelForMetrics(rc, route.get().template());
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            request.response().writeContinue();
        }
        proxies.forward(route.get().downstream(), request);
    }

    private void reject(RoutingContext rc, Problem problem, String metricsLabel) {
        labelForMetrics(rc, metricsLabel);
        problems.send(rc, problem);
    }

    static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader("Content-Length");
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the proxy refuses a malformed length itself
        }
    }

    /** Labels the request for metrics by the route it was meant for, so ids in paths do not each make a time series. */
    public static void labelForMetrics(RoutingContext rc, String template) {
        ((HttpServerRequestInternal) rc.request()).context().putLocal(URL_TEMPLATE, template);
    }
}
