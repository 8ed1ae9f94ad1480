package vn.commops.gateway.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.commops.gateway.routing.ApiRoutes;

/**
 * The answers the router gives without an endpoint, as problems: no route for the path (404), a route
 * that takes another method (405), a path it cannot decode (400), and any request failed on the way
 * (a body over Quarkus' limit, an exception). Vert.x would answer them with an empty body or an HTML page.
 */
@ApplicationScoped
public class RouterProblems {

    /** Before Quarkus' own failure handler, which is the last route. */
    static final int FAILURE_ORDER = -20_000;
    private static final Logger LOG = Logger.getLogger(RouterProblems.class);

    private final ProblemWriter problems;

    RouterProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        StatusProblems.known().forEach(status -> router.errorHandler(status, rc -> {
            // No endpoint took the request: labelled by kind, so that a path per request does not make a time series.
            String prefix = rc.request().path() != null && rc.request().path().startsWith("/api/") ? "/api" : "";
            ApiRoutes.labelForMetrics(rc, prefix + (status == 404 ? "/unknown" : "/invalid"));
            answer(rc, status);
        }));
        router.errorHandler(500, rc -> unexpected(rc, rc.failure()));
        router.route().order(FAILURE_ORDER).failureHandler(this::failed);
    }

    private void failed(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure instanceof HttpClosedException || rc.response().closed()) {
            // The client went away mid-request: there is no one to answer, and nothing went wrong here.
            LOG.debugf("%s %s: the client closed the connection", rc.request().method(), rc.request().path());
            return;
        }
        int status = rc.statusCode() > 0 ? rc.statusCode() : statusOf(failure);
        if (status >= 400 && status < 500) {
            answer(rc, status);
        } else {
            unexpected(rc, failure);
        }
    }

    private static int statusOf(Throwable failure) {
        if (failure instanceof HttpException http) {
            return http.getStatusCode();
        }
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            return 401;
        }
        return failure instanceof ForbiddenException ? 403 : 500;
    }

    private void answer(RoutingContext rc, int status) {
        send(rc, StatusProblems.of(status, instance(rc)));
    }

    /** A failure of the gateway's own, never of the request: logged with an incident the client can quote. */
    private void unexpected(RoutingContext rc, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure of %s %s, incident %s", rc.request().method(), rc.request().path(),
                incident);
        send(rc, StatusProblems.unexpected(incident, instance(rc)));
    }

    private void send(RoutingContext rc, Problem problem) {
        if (rc.response().headWritten()) {
            // Too late for a problem: the client sees the answer cut short rather than a second one.
            rc.response().reset();
            return;
        }
        if (problem.status() == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
        }
        if (problem.status() == 413) {
            // The rest of the body is not worth reading: the connection goes with the answer.
            rc.response().putHeader("Connection", "close").endHandler(sent -> rc.request().connection().close());
        }
        problems.send(rc, problem);
    }

    private static String instance(RoutingContext rc) {
        return StatusProblems.instance(rc.request().path());
    }
}
