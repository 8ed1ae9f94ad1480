package vn.commops.gateway.routing;

import java.util.concurrent.TimeoutException;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.problem.Problem;

/** What the client is told when a request cannot get an answer from its service; never the exception itself. */
final class DownstreamFailures {

    private DownstreamFailures() {
    }

    /**
     * @param reached whether a connection to the service was obtained; without one the service is
     *        unreachable, whatever the exception says
     */
    static Problem problemFor(Downstream service, Throwable failure, boolean reached, boolean tooLarge, long maxBody,
            String path) {
        if (tooLarge) {
            return tooLarge(maxBody, path);
        }
        if (!reached) {
            return Problem.of(503, "service-unavailable", "Service Unavailable",
                    "The " + service.title() + " cannot be reached; try again shortly", path);
        }
        if (isTimeout(failure)) {
            return Problem.of(504, "gateway-timeout", "Gateway Timeout",
                    "The " + service.title() + " did not answer in time", path);
        }
        return Problem.of(502, "bad-gateway", "Bad Gateway",
                "The " + service.title() + " dropped the request before answering", path);
    }

    static Problem tooLarge(long maxBody, String path) {
        return Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than the " + maxBody + " bytes the gateway accepts", path);
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
