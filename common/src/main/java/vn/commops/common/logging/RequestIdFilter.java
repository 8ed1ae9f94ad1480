package vn.commops.common.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Ties a service's log lines to the request that caused them: the {@code X-Request-Id} the gateway
 * sent (or a new one, for a caller that sent none or an unusable one) goes into the logging MDC as
 * {@code requestId}, for the log format's {@code %X{requestId}}, and back on the response.
 * <p>
 * Quarkus keeps the MDC in the request's own Vert.x context, so the id follows the request onto the
 * worker thread of a blocking endpoint, into exception mappers, and is gone with the request: it
 * never leaks into the log lines of the next task on the same thread.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String PROPERTY = RequestIdFilter.class.getName();

    /** Tokens only, as the gateway gives: anything else could forge or break log lines. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Before matching, so that requests no endpoint matches (405, 415) carry the id too. */
    @ServerRequestFilter(preMatching = true)
    public void identify(ContainerRequestContext request) {
        String id = idFor(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof String id) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    static String idFor(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
