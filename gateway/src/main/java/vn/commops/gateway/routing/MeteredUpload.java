package vn.commops.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to a service, chunk by chunk and untouched. It reports progress, so the
 * response deadline only starts once the upload has stopped moving, and it cuts off a body that
 * grows past the limit: a chunked upload has no Content-Length to refuse it by up front.
 */
final class MeteredUpload implements ReadStream<Buffer> {

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
        if (handler == null) {
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
                onTooLarge.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(limit));
                }
                return;
            }
            onProgress.run();
            handler.handle(chunk);
        });
        return this;
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
                onProgress.run();
                endHandler.handle(ended);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }
}
