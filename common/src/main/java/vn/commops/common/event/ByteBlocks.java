package vn.commops.common.event;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bytes written in 64 KB blocks and read back as a stream: megabytes without one array of them,
 * which G1 would have to allocate as a humongous object in the old generation.
 */
final class ByteBlocks extends OutputStream {

    private static final int BLOCK_BYTES = 1 << 16;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] block = new byte[BLOCK_BYTES];
    private int used;
    private long length;

    @Override
    public void write(int b) {
        if (used == block.length) {
            nextBlock();
        }
        block[used++] = (byte) b;
        length++;
    }

    @Override
    public void write(byte[] bytes, int offset, int size) {
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

    long length() {
        return length;
    }

    /** What was written so far, from the start. */
    InputStream read() {
        List<byte[]> blocks = new ArrayList<>(full);
        blocks.add(Arrays.copyOf(block, used));
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
                while (index < blocks.size() && position == blocks.get(index).length) {
                    index++;
                    position = 0;
                }
                if (index == blocks.size()) {
                    return -1;
                }
                int n = Math.min(size, blocks.get(index).length - position);
                System.arraycopy(blocks.get(index), position, target, offset, n);
                position += n;
                return n;
            }
        };
    }

    private void nextBlock() {
        full.add(block);
        block = new byte[BLOCK_BYTES];
        used = 0;
    }
}
