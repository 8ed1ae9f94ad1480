package vn.commops.activity.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void everyLineComesOutWholeWhateverTheReadsCutThrough() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String line = "{\"i\":" + i + ",\"title\":\"Hội nghị tuyên truyền " + "ư".repeat(i % 97) + "\"}";
            expected.add(line);
            text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 500 == 0) {
                text.append("\n  \t\r\n");
            }
        }
        String longLine = "{\"title\":\"" + "Đ".repeat(200_000) + "\"}";
        expected.add(longLine);
        text.append(longLine).append('\n');
        expected.add("{\"last\":true}");
        text.append("{\"last\":true}");
        for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
            assertEquals(expected, lines(new Chunked(text.toString().getBytes(StandardCharsets.UTF_8), chunk)),
                    "reads of " + chunk + " bytes");
        }
    }

    @Test
    void anEmptyOrBlankBodyHasNoLines() throws IOException {
        assertEquals(List.of(), lines(new ByteArrayInputStream(new byte[0])));
        assertEquals(List.of(), lines(new ByteArrayInputStream(" \r\n\n\t\n".getBytes(StandardCharsets.UTF_8))));
    }

    private static List<String> lines(InputStream body) throws IOException {
        List<String> lines = new ArrayList<>();
        JsonLines.forEach(body, (bytes, offset, length) -> lines.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
        return lines;
    }

    /** Hands out at most {@code chunk} bytes a read, as a network stream does. */
    private static final class Chunked extends FilterInputStream {
        private final int chunk;

        Chunked(byte[] bytes, int chunk) {
            super(new ByteArrayInputStream(bytes));
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
