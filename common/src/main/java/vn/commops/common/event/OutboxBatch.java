package vn.commops.common.event;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * The events of one outbox row written in bulk, as UTF-8 text: one line per event, its Kafka key,
 * a tab and its envelope, in the order they are to be sent. JSON as Jackson writes it holds no raw
 * tab or line break, so neither separator needs escaping.
 *
 * <p>A batch of 10,000 events is about 8 MB of text. It is stored as an LZ4 frame
 * ({@code outbox_event.events_lz4}, about a quarter of the size), compressed here rather than by
 * PostgreSQL's TOAST: handing PostgreSQL the 8 MB cost it more than the batch's activity rows (the
 * message, the bytea, the text, the tuple, its compression; then decompressing and writing it out
 * again for the relay), and LZ4 in Java is native (see NativeLz4). Older rows hold the text
 * itself ({@code events}); {@link #forEach(byte[], BiConsumer)} reads those.
 */
public final class OutboxBatch {

    private final ByteBlocks text = new ByteBlocks();
    private int count;

    /**
     * Starts the next event: what is then written to {@link #envelopes()} up to the next call is its
     * envelope. The key is refused if it holds a tab or a line break, which would split the line.
     */
    public OutboxBatch startEvent(String key) {
        if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("An outbox key cannot hold a tab or a line break: " + key);
        }
        if (count > 0) {
            text.write('\n');
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        text.write(bytes, 0, bytes.length);
        text.write('\t');
        count++;
        return this;
    }

    /** Where the current event's envelope is written, as UTF-8 JSON on one line. */
    public OutputStream envelopes() {
        return text;
    }

    /** Adds a whole event whose envelope is already text. */
    public OutboxBatch add(String key, String envelope) {
        if (envelope.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("An outbox envelope cannot hold a raw line break: " + key);
        }
        startEvent(key);
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        text.write(bytes, 0, bytes.length);
        return this;
    }

    public int count() {
        return count;
    }

    /** The size of the text in bytes. */
    public long length() {
        return text.length();
    }

    /** The text as UTF-8. */
    public InputStream bytes() {
        return text.read();
    }

    /** The text, for tests and small batches. */
    public String text() {
        try {
            return new String(bytes().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text as an LZ4 frame (64 KB blocks), for {@code outbox_event.events_lz4}. Without a content
     * checksum: hashing the 8 MB of a batch twice, to write and to relay it, cost as much as
     * compressing it, for bytes the database keeps as it keeps the activity rows beside them, which
     * carry no checksum of their own either. Frames stored with one are still read, and checked.
     */
    public Compressed compressed() {
        ByteBlocks frame = new ByteBlocks();
        try (InputStream in = bytes(); LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(frame,
                LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB, LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE)) {
            in.transferTo(lz4);
        } catch (IOException e) {
            throw new IllegalStateException("An outbox batch cannot be compressed", e);
        }
        return new Compressed(frame);
    }

    /** An LZ4 frame of a batch, to be streamed into the database. */
    public static final class Compressed {
        private final ByteBlocks frame;

        private Compressed(ByteBlocks frame) {
            this.frame = frame;
        }

        public long length() {
            return frame.length();
        }

        public InputStream bytes() {
            return frame.read();
        }
    }

    /** Calls {@code each} with the key and the envelope of every event of a stored LZ4 frame, in order, as bytes. */
    public static void forEachCompressed(byte[] frame, BiConsumer<byte[], byte[]> each) {
        // Decompressed into one array sized for envelopes' usual ratio, grown if need be: readAllBytes
        // gathered the 8 MB of a batch in small chunks and copied them all again into its result.
        byte[] text = new byte[Math.max(1 << 16, frame.length * 5)];
        int length = 0;
        try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(frame))) {
            int read;
            while ((read = in.read(text, length, text.length - length)) > 0) {
                length += read;
                if (length == text.length) {
                    text = Arrays.copyOf(text, text.length * 2);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("An outbox batch cannot be decompressed", e);
        }
        forEach(text, length, each);
    }

    /** Calls {@code each} with the key and the envelope (UTF-8 JSON) of every event of a stored batch, in order, as bytes. */
    public static void forEach(byte[] events, BiConsumer<byte[], byte[]> each) {
        forEach(events, events.length, each);
    }

    private static void forEach(byte[] events, int length, BiConsumer<byte[], byte[]> each) {
        int start = 0;
        while (start < length) {
            int end = indexOf(events, (byte) '\n', start, length);
            end = end < 0 ? length : end;
            int tab = indexOf(events, (byte) '\t', start, end);
            if (tab < 0) {
                throw new IllegalStateException("An outbox batch line has no key: "
                        + new String(events, start, Math.min(end - start, 80), StandardCharsets.UTF_8));
            }
            each.accept(Arrays.copyOfRange(events, start, tab), Arrays.copyOfRange(events, tab + 1, end));
            start = end + 1;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The first {@code wanted} in [from, to), or -1: eight bytes at a time, as a relay pass scans
     * megabytes of envelopes for their line breaks.
     */
    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        long pattern = (wanted & 0xffL) * 0x0101010101010101L;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            // a zero byte in word is a byte equal to wanted; the lowest one is the first
            long zeros = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
