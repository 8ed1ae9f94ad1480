package vn.commops.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.problem.Problem;
import vn.commops.gateway.problem.ProblemWriter;
import vn.commops.gateway.traffic.Circuit;
import vn.commops.gateway.traffic.Circuits;

/**
 * One proxied request to one service: asks the service's circuit first, adds what the service needs
 * to know about the caller, meters the upload, tells the circuit how it went, and turns a service
 * that cannot answer into a problem instead of an empty 502.
 */
final class DownstreamExchange implements ProxyInterceptor {

    /** The request to the service, once a connection for it was obtained. */
    static final String ORIGIN = "commops.origin";
    private static final String ANSWERED = "commops.answered";
    private static final String TOO_LARGE = "commops.too-large";
    private static final Logger LOG = Logger.getLogger(DownstreamExchange.class);

    private final Downstream downstream;
    private final long maxBodyBytes;
    private final long responseTimeoutMillis;
    private final ProblemWriter problems;
    private final Circuit circuit;

    DownstreamExchange(Downstream downstream, Circuit circuit, long maxBodyBytes, long responseTimeoutMillis,
            ProblemWriter problems) {
        this.downstream = downstream;
        this.circuit = circuit;
        this.maxBodyBytes = maxBodyBytes;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.problems = problems;
    }

    /** Called by the origin provider with the request it obtained, before the body starts flowing. */
    static void originObtained(ProxyContext context, HttpClientRequest origin) {
        context.set(ORIGIN, origin);
        origin.response().onComplete(answered -> context.set(ANSWERED, Boolean.TRUE));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest received = request.proxiedRequest();
        Circuit.Admission admission = circuit.admit();
        if (admission == Circuit.Admission.REFUSED) {
            // Answered at once, without a connection to the service: that is the point of the cut-off.
            long retryAfter = circuit.secondsUntilTrial();
            ProxyResponse reply = reply(context, Circuits.refusal(downstream, retryAfter, received.path()));
            return Future.succeededFuture(reply.putHeader("Retry-After", Long.toString(retryAfter)));
        }
        ForwardedHeaders.apply(received, request.headers());
        // The gateway answered any "Expect: 100-continue" itself once it accepted the request.
        request.headers().remove("Expect");
        request.setURI(downstream.targetFor(received.uri()));
        Body body = request.getBody();
        if (body != null) {
            request.setBody(Body.body(new MeteredUpload(body.stream(), maxBodyBytes,
                    () -> rearmResponseDeadline(context), () -> context.set(TOO_LARGE, Boolean.TRUE)), body.length()));
        }
        return context.sendRequest()
                .andThen(outcome -> report(context, admission, outcome.succeeded() ? outcome.result() : null))
                .recover(failure -> Future.succeededFuture(problemReply(context, failure)));
    }

    /**
     * An answer under 500 counts as the service working; a 5xx, no connection, silence or a drop as
     * failing. A body too large, or a client that went away mid-request, says nothing of the service.
     */
    private void report(ProxyContext context, Circuit.Admission admission, ProxyResponse answer) {
        if (answer != null && answer.getStatusCode() < 500) {
            circuit.succeeded(admission);
        } else if (answer == null && (context.get(TOO_LARGE, Boolean.class) != null
                || context.request().proxiedRequest().response().closed())) {
            circuit.undecided(admission);
        } else {
            circuit.failed(admission);
        }
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        if (context.get(TOO_LARGE, Boolean.class) != null) {
            // The rest of the upload is not worth reading: the connection ends with the answer.
            HttpServerRequest received = context.request().proxiedRequest();
            sent.onComplete(done -> received.connection().close());
        }
        return sent;
    }

    /** Each chunk uploaded restarts the clock, so the deadline measures the service's silence, not the upload. */
    private void rearmResponseDeadline(ProxyContext context) {
        HttpClientRequest origin = context.get(ORIGIN, HttpClientRequest.class);
        if (origin != null && context.get(ANSWERED, Boolean.class) == null) {
            origin.idleTimeout(responseTimeoutMillis);
        }
    }

    /** The failure is handled here; without a handler Vert.x would log a cut-off upload again as an error. */
    private static void silence(HttpClientRequest origin) {
        try {
            origin.exceptionHandler(ignored -> { });
        } catch (IllegalStateException alreadyEnded) {
            // A request sent whole has no upload left to fail.
        }
    }

    private ProxyResponse problemReply(ProxyContext context, Throwable failure) {
        HttpServerRequest received = context.request().proxiedRequest();
        boolean tooLarge = context.get(TOO_LARGE, Boolean.class) != null;
        HttpClientRequest origin = context.get(ORIGIN, HttpClientRequest.class);
        if (origin != null) {
            silence(origin);
        }
        Problem problem = DownstreamFailures.problemFor(downstream, failure, origin != null, tooLarge, maxBodyBytes,
                received.path());
        // A body over the limit is the client's doing; anything else is the service's and worth a warning.
        LOG.logf(tooLarge ? Logger.Level.INFO : Logger.Level.WARN, "%s %s -> %s: %d %s (request %s): %s",
                received.method(), received.path(), downstream.title(), problem.status(), problem.title(),
                received.getHeader(RequestIds.HEADER), failure.toString());
        ProxyResponse reply = reply(context, problem);
        if (tooLarge) {
            reply.putHeader("Connection", "close");
        }
        if (problem.status() == 503) {
            // Unreachable is transient until shown otherwise: a second, or the cut-off this failure may have started.
            reply.putHeader("Retry-After", Long.toString(circuit.secondsUntilTrial()));
        }
        return reply;
    }

    private ProxyResponse reply(ProxyContext context, Problem problem) {
        return context.request().release().response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Body.body(problems.body(problem)));
    }
}
