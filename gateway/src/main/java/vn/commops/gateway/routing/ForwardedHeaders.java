package vn.commops.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Tells a service who really called and how, since it only sees the gateway's connection.
 * {@code X-Forwarded-For} is appended to (the last entry, the one the gateway adds, is the one a
 * service can trust); {@code Proto} and {@code Host} are the gateway's own view, which honours an
 * ingress in front only when {@code quarkus.http.proxy.*} trusts it, so a client cannot forge them.
 *
 * <p>The W3C trace context a service receives is the gateway's own span, a child of the client's
 * (continued by the gateway's server span, or started when the client sent none or an unusable one).
 * The proxy's Vert.x HTTP client writes it as it sends the request (the OpenTelemetry extension traces
 * that client too), but it adds its header to the ones copied from the client: the client's own
 * {@code traceparent} would go first, and a service reads the first. So the client's are dropped here,
 * a garbage one included, along with a {@code tracestate} that belongs to it.
 */
final class ForwardedHeaders {

    static final String FOR = "X-Forwarded-For";
    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private ForwardedHeaders() {
    }

    static void apply(HttpServerRequest received, MultiMap forwarded) {
        String peer = peerOf(received);
        String chain = received.getHeader(FOR);
        if (peer != null) {
            forwarded.set(FOR, chain == null || chain.isBlank() ? peer : chain + ", " + peer);
        }
        forwarded.set(PROTO, received.scheme());
        if (received.authority() != null) {
            forwarded.set(HOST, received.authority().toString());
        }
        forwarded.remove(TRACEPARENT);
        forwarded.remove(TRACESTATE);
    }

    /** The address of the connection itself, not one Quarkus may have taken from forwarded headers. */
    private static String peerOf(HttpServerRequest received) {
        SocketAddress address = received.connection() == null ? received.remoteAddress()
                : received.connection().remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
