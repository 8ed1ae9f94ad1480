package vn.commops.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How an upload is passed on: gathered into 64 KB chunks while read whole, one for one on counted demand. */
class MeteredUploadTest {

    /** A source the test drives by hand, as the client's request would deliver its pieces. */
    private static final class Pieces implements ReadStream<Buffer> {
        Handler<Buffer> handler;
        Handler<Void> end;
        long fetched;

        void send(Buffer piece) {
            handler.handle(piece);
        }

        void finish() {
            end.handle(null);
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            this.handler = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            fetched += amount;
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            this.end = endHandler;
            return this;
        }
    }

    private static Buffer piece(int number, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (number * 31 + i);
        }
        return Buffer.buffer(bytes);
    }

    @Test
    void readWholeThePiecesArePassedOnIn64KilobyteChunksAndNothingIsLost() {
        Pieces pieces = new Pieces();
        AtomicInteger progress = new AtomicInteger();
        MeteredUpload upload = new MeteredUpload(pieces, Long.MAX_VALUE, progress::incrementAndGet, () -> { });
        List<Buffer> passedOn = new ArrayList<>();
        AtomicInteger ended = new AtomicInteger();
        upload.handler(passedOn::add);
        upload.endHandler(v -> ended.incrementAndGet());

        Buffer sent = Buffer.buffer();
        for (int i = 0; i < 40; i++) {
            Buffer piece = piece(i, 5_000);
            sent.appendBuffer(piece);
            pieces.send(piece);
        }
        pieces.finish();

        Buffer received = Buffer.buffer();
        passedOn.forEach(received::appendBuffer);
        assertArrayEquals(sent.getBytes(), received.getBytes());
        assertEquals(3, passedOn.size(), "two of 70,000 bytes (14 pieces each) and the 60,000 left at the end");
        for (Buffer chunk : passedOn.subList(0, passedOn.size() - 1)) {
            assertTrue(chunk.length() >= MeteredUpload.CHUNK_BYTES, "chunk of " + chunk.length());
        }
        assertEquals(1, ended.get());
        assertEquals(41, progress.get(), "every piece and the end keep the response deadline away");
    }

    @Test
    void aReaderThatAsksForChunksGetsEachPieceAtOnceAndWhatWasGatheredFirst() {
        Pieces pieces = new Pieces();
        MeteredUpload upload = new MeteredUpload(pieces, Long.MAX_VALUE, () -> { }, () -> { });
        List<Buffer> passedOn = new ArrayList<>();
        upload.handler(passedOn::add);

        pieces.send(piece(0, 1_000)); // read whole so far: gathered, not yet passed on
        assertEquals(0, passedOn.size());

        upload.pause();
        upload.fetch(1); // the gathered piece is the one chunk asked for
        assertEquals(1, passedOn.size());
        assertEquals(1_000, passedOn.get(0).length());
        assertEquals(0, pieces.fetched, "nothing more asked of the source for that one chunk");

        upload.fetch(1);
        assertEquals(1, pieces.fetched);
        pieces.send(piece(1, 2_000));
        assertEquals(2, passedOn.size(), "on counted demand a piece goes on as it comes");
        assertEquals(2_000, passedOn.get(1).length());
    }

    @Test
    void aBodyPastTheLimitIsCutOffAndWhatWasGatheredIsDropped() {
        Pieces pieces = new Pieces();
        AtomicInteger tooLarge = new AtomicInteger();
        MeteredUpload upload = new MeteredUpload(pieces, 12_000, () -> { }, tooLarge::incrementAndGet);
        List<Buffer> passedOn = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        upload.handler(passedOn::add);
        upload.exceptionHandler(failures::add);
        AtomicInteger ended = new AtomicInteger();
        upload.endHandler(v -> ended.incrementAndGet());

        pieces.send(piece(0, 5_000));
        pieces.send(piece(1, 5_000));
        pieces.send(piece(2, 5_000));
        pieces.send(piece(3, 5_000));
        pieces.finish();

        assertEquals(0, passedOn.size());
        assertEquals(1, tooLarge.get());
        assertEquals(1, failures.size());
        assertInstanceOf(MeteredUpload.TooLarge.class, failures.get(0));
        assertEquals(0, ended.get(), "a cut-off body does not end normally");
    }
}
