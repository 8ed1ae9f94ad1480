package vn.commops.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import java.util.Set;

/**
 * Which requests the gateway may send to a second instance when the first one's connection closed
 * before any answer (the instance died, or closed a kept-alive connection as it stopped), and their
 * bodies, kept whole for that. A request is repeatable when its method is idempotent or it carries
 * an {@code Idempotency-Key}, on which the services drop a repeat; and only a small body is kept,
 * so that large uploads still stream through without ever being held in memory.
 */
final class RequestReplay {

    /** Larger bodies stream through as they come and are never sent twice. */
    static final long MAX_KEPT_BYTES = 256 * 1024;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private RequestReplay() {
    }

    static boolean isRepeatable(HttpServerRequest received) {
        return isSafeToRepeat(received.method(), received.headers()) && bodyFitsInMemory(received.headers());
    }

    static boolean isSafeToRepeat(HttpMethod method, MultiMap headers) {
        String key = headers.get(IDEMPOTENCY_KEY);
        return IDEMPOTENT.contains(method) || key != null && !key.isBlank();
    }

    /** A declared length within the limit, or no body at all; a chunked body's size is known only at its end. */
    static boolean bodyFitsInMemory(MultiMap headers) {
        String length = headers.get("Content-Length");
        if (length != null) {
            try {
                return Long.parseLong(length.trim()) <= MAX_KEPT_BYTES;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return !headers.contains("Transfer-Encoding");
    }

    /**
     * Reads the whole body (at most {@link #MAX_KEPT_BYTES}, as declared) and gives a body that can be
     * sent again and again, with the length it was declared with (none for a request without a body).
     */
    static Future<Body> keep(Body body) {
        ReadStream<Buffer> stream = body.stream();
        Buffer kept = Buffer.buffer();
        Promise<Body> whole = Promise.promise();
        stream.exceptionHandler(whole::tryFail);
        stream.handler(kept::appendBuffer);
        stream.endHandler(ended -> whole.tryComplete(replayable(kept, body.length() >= 0)));
        stream.resume();
        return whole.future();
    }

    private static Body replayable(Buffer kept, boolean declared) {
        return new Body() {
            @Override
            public long length() {
                return declared ? kept.length() : -1;
            }

            @Override
            public ReadStream<Buffer> stream() {
                return Body.body(kept).stream(); // a new reader each time: one per attempt
            }
        };
    }
}
