package vn.commops.activity.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a UTF-8 NDJSON upload as slices of one reused buffer, for Jackson to parse straight
 * from bytes: decoding each line to a String first cost as much as parsing it. A line break byte
 * never occurs inside a multi-byte UTF-8 sequence, so splitting on it is safe.
 */
final class JsonLines {

    @FunctionalInterface
    interface Line {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }

    private static final int BUFFER_BYTES = 1 << 16;

    private JsonLines() {
    }

    /** Calls {@code each} with every line that is not blank, without its line break. */
    static void forEach(InputStream body, Line each) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        int start = 0;
        int end = 0;
        int scanned = 0;
        while (true) {
            int newline = indexOf(buffer, (byte) '\n', scanned, end);
            if (newline >= 0) {
                emit(buffer, start, newline, each);
                start = newline + 1;
                scanned = start;
                continue;
            }
            scanned = end;
            if (start > 0) {
                // keep the unfinished line at the front
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = body.read(buffer, end, buffer.length - end);
            if (read < 0) {
                emit(buffer, start, end, each);
                return;
            }
            end += read;
        }
    }

    private static void emit(byte[] buffer, int from, int to, Line each) throws IOException {
        if (to > from && buffer[to - 1] == '\r') {
            to--;
        }
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                each.accept(buffer, from, to - from);
                return;
            }
        }
    }

    private static int indexOf(byte[] buffer, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
