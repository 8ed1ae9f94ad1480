package vn.commops.gateway.routing;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import java.util.concurrent.TimeoutException;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Outcome;
import vn.commops.gateway.problem.Problem;

/** What the client is told when a request cannot get an answer from its service; never the exception itself. */
final class DownstreamFailures {

    private DownstreamFailures() {
    }

    /** @param outcome how the last attempt ended; an attempt that got an answer is not a failure */
    static Problem problemFor(Downstream service, Outcome outcome, long maxBody, String path) {
        return switch (outcome) {
            case TOO_LARGE -> tooLarge(maxBody, path);
            case UNREACHABLE -> Problem.of(503, "service-unavailable", "Service Unavailable",
                    "The " + service.title() + " cannot be reached; try again shortly", path)
                    .worded("unreachable", service.name());
            case BUSY -> Problem.of(503, "service-busy", "Service Unavailable",
                    "The " + service.title() + " has as many requests waiting as the gateway queues; retry after "
                            + "the delay in Retry-After", path).worded("service-busy", service.name());
            case TIMED_OUT -> Problem.of(504, "gateway-timeout", "Gateway Timeout",
                    "The " + service.title() + " did not answer in time", path)
                    .worded("gateway-timeout", service.name());
            // A connection that closes before the answer is what an instance going away looks like: transient,
            // though the request may have been carried out, which only an Idempotency-Key makes safe to repeat.
            default -> Problem.of(503, "service-unavailable", "Service Unavailable",
                    "The " + service.title() + " closed the connection before answering, so the request may or may "
                            + "not have been carried out; try again shortly (with the same Idempotency-Key, if any)",
                    path).worded("dropped", service.name());
        };
    }

    static Problem tooLarge(long maxBody, String path) {
        return Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than the " + maxBody + " bytes the gateway accepts", path)
                .worded("body-over-limit", String.valueOf(maxBody));
    }

    /** Every connection to the instance busy and as many requests waiting for one as the queue holds. */
    static boolean isPoolFull(Throwable failure) {
        return hasCause(failure, ConnectionPoolTooBusyException.class);
    }

    static boolean isTimeout(Throwable failure) {
        return hasCause(failure, TimeoutException.class);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
