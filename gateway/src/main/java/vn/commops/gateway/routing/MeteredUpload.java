package vn.commops.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to a service, its bytes untouched. It reports progress, so the
 * response deadline only starts once the upload has stopped moving, and it cuts off a body that
 * grows past the limit: a chunked upload has no Content-Length to refuse it by up front.
 * <p>
 * The body arrives in the pieces the socket happened to hold, about 5 KB each under load. While the
 * reader takes all there is (flowing, as a pipe reads), they are passed on in chunks of at least
 * {@link #CHUNK_BYTES}, so that a batch upload of a few MB costs the gateway and the service some
 * tens of writes, reads and thread hand-overs instead of hundreds; what is gathered goes on at the
 * end of the body. A reader that asks for a number of chunks ({@link #fetch}) gets them one for one.
 */
final class MeteredUpload implements ReadStream<Buffer> {

    static final int CHUNK_BYTES = 64 * 1024;

    /** Signals the cut-off; the proxy then resets the request to the service. */
    static final class TooLarge extends RuntimeException {

        TooLarge(long limit) {
            super("Request body exceeds " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable onProgress;
    private final Runnable onTooLarge;
    private Handler<Throwable> exceptionHandler;
    private Handler<Buffer> dataHandler;
    private Buffer gathered;
    /** Whether the reader takes all there is (the initial state, and after resume), or asked for a count. */
    private boolean flowing = true;
    private long received;
    private boolean cutOff;

    MeteredUpload(ReadStream<Buffer> source, long limit, Runnable onProgress, Runnable onTooLarge) {
        this.source = source;
        this.limit = limit;
        this.onProgress = onProgress;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        dataHandler = handler;
        if (handler == null) {
            gathered = null;
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (cutOff) {
                return; // drained and dropped: the answer is already a 413
            }
            received += chunk.length();
            if (received > limit) {
                cutOff = true;
                gathered = null;
                onTooLarge.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(limit));
                }
                return;
            }
            onProgress.run();
            if (!flowing) {
                passOn();
                handler.handle(chunk);
                return;
            }
            if (gathered == null) {
                gathered = Buffer.buffer(CHUNK_BYTES + chunk.length());
            }
            gathered.appendBuffer(chunk);
            if (gathered.length() >= CHUNK_BYTES) {
                passOn();
            }
        });
        return this;
    }

    /** Hands what was gathered to the reader; true when there was something. */
    private boolean passOn() {
        Buffer chunk = gathered;
        gathered = null;
        if (chunk == null || chunk.length() == 0 || dataHandler == null) {
            return false;
        }
        dataHandler.handle(chunk);
        return true;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (endHandler == null) {
            source.endHandler(null);
            return this;
        }
        source.endHandler(ended -> {
            if (!cutOff) {
                passOn();
                onProgress.run();
                endHandler.handle(ended);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        flowing = false;
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        flowing = true;
        source.resume();
        return this;
    }

    /** Counted demand: what was gathered goes first, as one of the chunks asked for. */
    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (amount == Long.MAX_VALUE) {
            return resume();
        }
        flowing = false;
        long rest = amount > 0 && passOn() ? amount - 1 : amount;
        if (rest > 0) {
            source.fetch(rest);
        }
        return this;
    }
}
