package vn.commops.gateway.traffic;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.problem.Problem;
import vn.commops.gateway.problem.ProblemWriter;
import vn.commops.gateway.routing.ApiRoutes;
import vn.commops.gateway.routing.RouteTable;

/**
 * Lets each client through at its configured pace and answers the rest with a 429 problem and a
 * {@code Retry-After}. Every answer under {@code /api/} says the limit and what is left of it
 * ({@code RateLimit-Limit}, {@code RateLimit-Remaining}), so a well-behaved client can slow down first.
 */
final class RateLimiter implements Handler<RoutingContext> {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";

    private final ClientBuckets buckets;
    private final ProblemWriter problems;
    private final RouteTable routes;

    RateLimiter(GatewayConfig.RateLimit limit, ProblemWriter problems, RouteTable routes) {
        this.buckets = new ClientBuckets(limit.requestsPerSecond(), limit.burst(), limit.maxClients());
        this.problems = problems;
        this.routes = routes;
    }

    @Override
    public void handle(RoutingContext rc) {
        TokenBucket.Take take = buckets.take(ClientKey.of(rc.request()), System.nanoTime());
        String limit = Integer.toString(buckets.burst());
        String remaining = Integer.toString(take.remaining());
        if (take.allowed()) {
            rc.addHeadersEndHandler(ignored -> rc.response().headers().set(LIMIT, limit).set(REMAINING, remaining));
            rc.next();
            return;
        }
        String path = rc.request().path();
        // Counted under the route it was meant for, so a dashboard shows which API a client hammers.
        ApiRoutes.labelForMetrics(rc, routes.find(path).map(RouteTable.Route::template).orElse("/api/unknown"));
        String retryAfter = Long.toString(take.retryAfterSeconds());
        rc.response().putHeader(LIMIT, limit).putHeader(REMAINING, remaining).putHeader("Retry-After", retryAfter);
        problems.send(rc, Problem.of(429, "rate-limited", "Too Many Requests",
                "This client sent more requests than the gateway accepts; try again in " + retryAfter + " s", path)
                .worded("rate-limited", retryAfter));
    }
}
