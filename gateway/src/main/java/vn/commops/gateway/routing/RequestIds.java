package vn.commops.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id}: the client's when it is a sane token, else a new UUID.
 * The id replaces the incoming header, so the services receive it and the access log
 * ({@code %{i,X-Request-Id}}) prints it, and it is set on every response, the proxied ones included.
 * The gateway's own log lines carry it too ({@code requestId} in the MDC).
 */
public final class RequestIds implements Handler<RoutingContext> {

    public static final String HEADER = "X-Request-Id";
    /** The logging MDC key, as in the services: {@code rid=%X{requestId}} in the log format. */
    public static final String MDC_KEY = "requestId";

    /** Tokens only: anything else could forge log lines or smuggle text into downstream logs. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    @Override
    public void handle(RoutingContext rc) {
        String id = idFor(rc.request().getHeader(HEADER));
        rc.request().headers().set(HEADER, id);
        rc.put(HEADER, id);
        // Kept in the request's own Vert.x context by Quarkus, so it follows the request and no other.
        MDC.put(MDC_KEY, id);
        // Set when the headers go out, so a service's own X-Request-Id cannot add a second, different one.
        rc.addHeadersEndHandler(ignored -> rc.response().headers().set(HEADER, id));
        rc.next();
    }

    static String idFor(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static String of(RoutingContext rc) {
        return rc.get(HEADER);
    }
}
