package vn.commops.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import vn.commops.contract.problem.ProblemLanguage;
import vn.commops.gateway.balancing.Balancer;
import vn.commops.gateway.balancing.InstanceChoice;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Instance;
import vn.commops.gateway.downstream.InstanceMetrics;
import vn.commops.gateway.downstream.Outcome;
import vn.commops.gateway.problem.Problem;
import vn.commops.gateway.problem.ProblemWriter;
import vn.commops.gateway.traffic.Circuits;

/**
 * One proxied request to one service: picks an instance whose circuit lets it through, adds what the
 * service needs to know about the caller, meters the upload, tells the circuit how it went, tries
 * another instance when that is safe ({@link #mayRetry}), and turns a service that cannot answer into
 * a problem instead of an empty 502. There is one exchange per service and event loop.
 */
final class DownstreamExchange implements ProxyInterceptor {

    /** The instance the current attempt goes to, for the origin provider. */
    static final String INSTANCE = "commops.instance";
    /** The current attempt's request to the instance, once a connection for it was obtained. */
    static final String ORIGIN = "commops.origin";
    private static final String ANSWERED = "commops.answered";
    private static final String TOO_LARGE = "commops.too-large";
    private static final Logger LOG = Logger.getLogger(DownstreamExchange.class);

    private final Downstream downstream;
    private final Balancer balancer;
    private final InstanceMetrics metrics;
    private final long maxBodyBytes;
    private final long responseTimeoutMillis;
    private final ProblemWriter problems;
    /** This event loop's count of requests, which picks the first instance to try; started anywhere so loops differ. */
    private int turn = ThreadLocalRandom.current().nextInt(1 << 16);

    DownstreamExchange(Downstream downstream, Balancer balancer, InstanceMetrics metrics, long maxBodyBytes,
            long responseTimeoutMillis, ProblemWriter problems) {
        this.downstream = downstream;
        this.balancer = balancer;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.problems = problems;
    }

    /** Called by the origin provider with the request it obtained, before the body starts flowing. */
    static void originObtained(ProxyContext context, HttpClientRequest origin) {
        context.set(ORIGIN, origin);
        origin.response().onComplete(answered -> {
            if (context.get(ORIGIN, HttpClientRequest.class) == origin) {
                context.set(ANSWERED, Boolean.TRUE);
            }
        });
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body != null && RequestReplay.isRepeatable(request.proxiedRequest())) {
            // Kept before an instance is picked, so a client that goes away meanwhile holds no circuit's trial.
            return RequestReplay.keep(body).compose(kept -> send(context, kept));
        }
        if (body != null) {
            request.setBody(Body.body(new MeteredUpload(body.stream(), maxBodyBytes,
                    () -> rearmResponseDeadline(context), () -> context.set(TOO_LARGE, Boolean.TRUE)), body.length()));
        }
        return send(context, null);
    }

    private Future<ProxyResponse> send(ProxyContext context, Body kept) {
        ProxyRequest request = context.request();
        HttpServerRequest received = request.proxiedRequest();
        InstanceChoice choice = balancer.choose(downstream, turn++);
        Optional<InstanceChoice.Pick> first = choice.next();
        if (first.isEmpty()) {
            // Answered at once, without a connection to the service: that is the point of the cut-off.
            metrics.refused(downstream);
            long retryAfter = choice.secondsUntilTrial();
            ProxyResponse reply = reply(context, Circuits.refusal(downstream, retryAfter, received.path()));
            return Future.succeededFuture(reply.putHeader("Retry-After", Long.toString(retryAfter)));
        }
        ForwardedHeaders.apply(received, request.headers());
        // The gateway answered any "Expect: 100-continue" itself once it accepted the request.
        request.headers().remove("Expect");
        return attempt(context, choice, first.get(), kept);
    }

    /** @param kept the body kept for a second attempt, null when the request is not to be repeated */
    private Future<ProxyResponse> attempt(ProxyContext context, InstanceChoice choice, InstanceChoice.Pick pick,
            Body kept) {
        ProxyRequest request = context.request();
        context.set(INSTANCE, pick.instance());
        context.set(ORIGIN, null);
        context.set(ANSWERED, null);
        request.setURI(pick.instance().targetFor(request.proxiedRequest().uri()));
        if (kept != null) {
            request.setBody(kept);
        }
        return context.sendRequest().transform(sent -> sent.succeeded()
                ? answered(pick, sent.result())
                : afterFailure(context, choice, pick, kept, sent.cause()));
    }

    private Future<ProxyResponse> answered(InstanceChoice.Pick pick, ProxyResponse answer) {
        Outcome outcome = Outcome.ofAnswer(answer.getStatusCode());
        pick.report(outcome);
        metrics.forwarded(pick.instance(), outcome);
        return Future.succeededFuture(answer);
    }

    private Future<ProxyResponse> afterFailure(ProxyContext context, InstanceChoice choice, InstanceChoice.Pick pick,
            Body kept, Throwable failure) {
        Outcome outcome = outcomeOf(context, failure);
        pick.report(outcome);
        metrics.forwarded(pick.instance(), outcome);
        HttpClientRequest origin = context.get(ORIGIN, HttpClientRequest.class);
        if (origin != null) {
            silence(origin);
        }
        if (mayRetry(outcome, kept)) {
            Optional<InstanceChoice.Pick> next = choice.next();
            if (next.isPresent()) {
                metrics.retried(pick.instance(), outcome);
                LOG.infof("%s %s -> %s: %s, tried again on %s (request %s): %s", method(context), path(context),
                        pick.instance().title(), outcome.tag(), next.get().instance().address(), requestId(context),
                        failure.toString());
                return attempt(context, choice, next.get(), kept);
            }
        }
        return Future.succeededFuture(problemReply(context, choice, pick.instance(), outcome, failure));
    }

    /**
     * Without a connection (none could be had, or the queue for one was full) nothing was sent, so any
     * request may go elsewhere. A connection that closed
     * before the answer may have delivered the request: only a repeatable one, whose body was kept,
     * goes again. Silence and any answer are final: the instance may still be working on it.
     */
    static boolean mayRetry(Outcome outcome, Body kept) {
        return outcome == Outcome.UNREACHABLE || outcome == Outcome.BUSY || outcome == Outcome.DROPPED && kept != null;
    }

    private Outcome outcomeOf(ProxyContext context, Throwable failure) {
        if (context.get(TOO_LARGE, Boolean.class) != null) {
            return Outcome.TOO_LARGE;
        }
        if (context.request().proxiedRequest().response().closed()) {
            return Outcome.CLIENT_GONE;
        }
        if (context.get(ORIGIN, HttpClientRequest.class) == null) {
            return DownstreamFailures.isPoolFull(failure) ? Outcome.BUSY : Outcome.UNREACHABLE;
        }
        return DownstreamFailures.isTimeout(failure) ? Outcome.TIMED_OUT : Outcome.DROPPED;
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

    private ProxyResponse problemReply(ProxyContext context, InstanceChoice choice, Instance last, Outcome outcome,
            Throwable failure) {
        Problem problem = DownstreamFailures.problemFor(downstream, outcome, maxBodyBytes, path(context));
        // A body over the limit is the client's doing; anything else is the service's and worth a warning.
        Logger.Level level = outcome == Outcome.TOO_LARGE ? Logger.Level.INFO : Logger.Level.WARN;
        LOG.logf(level, "%s %s -> %s: %d %s (request %s): %s", method(context), path(context), last.title(),
                problem.status(), problem.title(), requestId(context), failure.toString());
        ProxyResponse reply = reply(context, problem);
        if (outcome == Outcome.TOO_LARGE) {
            reply.putHeader("Connection", "close");
        }
        if (problem.status() == 503) {
            // Transient until shown otherwise: a second, or the cut-off these failures may have started.
            reply.putHeader("Retry-After", Long.toString(choice.secondsUntilTrial()));
        }
        return reply;
    }

    private ProxyResponse reply(ProxyContext context, Problem problem) {
        Locale language = ProblemWriter.languageOf(context.request().proxiedRequest());
        return context.request().release().response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(ProblemWriter.CONTENT_LANGUAGE, ProblemLanguage.tag(language))
                .putHeader(ProblemWriter.VARY, ProblemWriter.ACCEPT_LANGUAGE)
                .setBody(Body.body(problems.body(problem, language)));
    }

    private static String method(ProxyContext context) {
        return context.request().proxiedRequest().method().name();
    }

    private static String path(ProxyContext context) {
        return context.request().proxiedRequest().path();
    }

    private static String requestId(ProxyContext context) {
        return context.request().proxiedRequest().getHeader(RequestIds.HEADER);
    }
}
