package vn.commops.common.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The events of one outbox row written in bulk ({@code outbox_event.events}), as UTF-8: one line
 * per event, its Kafka key, a tab and its envelope, in the order they are to be sent. JSON as
 * Jackson writes it holds no raw tab or line break, so neither separator needs escaping.
 *
 * <p>A batch of 10,000 events is about 8 MB. It is built in blocks of 64 KB and read back by
 * whoever stores it as a stream, so no single array (in G1's terms, a humongous object that
 * triggers old-generation collections) is ever made of it on the writing side.
 */
public final class OutboxBatch {

    private static final int BLOCK_BYTES = 1 << 16;

    private final List<byte[]> blocks = new ArrayList<>();
    private byte[] block = new byte[BLOCK_BYTES];
    private int used;
    private long length;
    private int count;
    private final OutputStream envelopes = new OutputStream() {
        @Override
        public void write(int b) {
            put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int size) {
            put(bytes, offset, size);
        }
    };

    /**
     * Starts the next event: what is then written to {@link #envelopes()} up to the next call is its
     * envelope. The key is refused if it holds a tab or a line break, which would split the line.
     */
    public OutboxBatch startEvent(String key) {
        if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("An outbox key cannot hold a tab or a line break: " + key);
        }
        if (count > 0) {
            put((byte) '\n');
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        put(bytes, 0, bytes.length);
        put((byte) '\t');
        count++;
        return this;
    }

    /** Where the current event's envelope is written, as UTF-8 JSON on one line. */
    public OutputStream envelopes() {
        return envelopes;
    }

    /** Adds a whole event whose envelope is already text. */
    public OutboxBatch add(String key, String envelope) {
        if (envelope.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("An outbox envelope cannot hold a raw line break: " + key);
        }
        startEvent(key);
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        put(bytes, 0, bytes.length);
        return this;
    }

    public int count() {
        return count;
    }

    /** The size of the text in bytes. */
    public long length() {
        return length;
    }

    /** The text as UTF-8, block by block. */
    public InputStream bytes() {
        List<byte[]> all = new ArrayList<>(blocks);
        all.add(Arrays.copyOf(block, used));
        return new InputStream() {
            private int index;
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int size) {
                while (index < all.size() && position == blockLength(index)) {
                    index++;
                    position = 0;
                }
                if (index == all.size()) {
                    return -1;
                }
                int n = Math.min(size, blockLength(index) - position);
                System.arraycopy(all.get(index), position, target, offset, n);
                position += n;
                return n;
            }

            private int blockLength(int i) {
                return all.get(i).length;
            }
        };
    }

    /** The text, for tests and small batches. */
    public String text() {
        try {
            return new String(bytes().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void put(byte b) {
        if (used == block.length) {
            nextBlock();
        }
        block[used++] = b;
        length++;
    }

    private void put(byte[] bytes, int offset, int size) {
        while (size > 0) {
            if (used == block.length) {
                nextBlock();
            }
            int n = Math.min(size, block.length - used);
            System.arraycopy(bytes, offset, block, used, n);
            used += n;
            offset += n;
            size -= n;
            length += n;
        }
    }

    private void nextBlock() {
        blocks.add(block);
        block = new byte[BLOCK_BYTES];
        used = 0;
    }

    /** Calls {@code each} with the key and the envelope (UTF-8 JSON) of every event of a stored batch, in order, as bytes. */
    public static void forEach(byte[] events, BiConsumer<byte[], byte[]> each) {
        int start = 0;
        int length = events.length;
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
