package vn.commops.common.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.Test;

class OutboxBatchTest {

    @Test
    void eventsComeBackInOrderWithTheirKeys() throws IOException {
        OutboxBatch batch = new OutboxBatch()
                .add("a1", "{\"id\":1,\"note\":\"tab\\tand\\nbreak, escaped\"}")
                .add("a2", "{\"id\":2}");
        batch.startEvent("a1").envelopes().write("{\"id\":3,\"data\":{\"title\":\"Hội nghị\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("a1 {\"id\":1,\"note\":\"tab\\tand\\nbreak, escaped\"}", "a2 {\"id\":2}",
                "a1 {\"id\":3,\"data\":{\"title\":\"Hội nghị\"}}"), read(batch));
        assertEquals(3, batch.count());
        assertEquals(batch.text().getBytes(StandardCharsets.UTF_8).length, batch.length());
    }

    @Test
    void aBatchLargerThanItsBlocksReadsBackWhole() throws IOException {
        OutboxBatch batch = new OutboxBatch();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String envelope = "{\"id\":" + i + ",\"title\":\"Tuyên truyền chính sách " + "ệ".repeat(i % 50) + "\"}";
            batch.add("key-" + i, envelope);
            expected.add("key-" + i + " " + envelope);
        }
        byte[] stored = batch.bytes().readAllBytes();
        assertEquals(batch.length(), stored.length);
        assertArrayEquals(batch.text().getBytes(StandardCharsets.UTF_8), stored);
        assertEquals(expected, read(batch));
    }

    @Test
    void separatorsAreFoundAtEveryOffsetOfTheWordsTheyAreSearchedIn() throws IOException {
        OutboxBatch batch = new OutboxBatch();
        List<String> expected = new ArrayList<>();
        for (int keyLength = 1; keyLength <= 17; keyLength++) {
            for (int envelopeLength = 0; envelopeLength <= 17; envelopeLength++) {
                String key = "k".repeat(keyLength);
                String envelope = "{" + "x".repeat(envelopeLength) + "}";
                batch.add(key, envelope);
                expected.add(key + " " + envelope);
            }
        }
        assertEquals(expected, read(batch));
    }

    @Test
    void aRawLineBreakOrATabInTheKeyIsRefusedRatherThanSplitIntoTwoEvents() {
        OutboxBatch batch = new OutboxBatch();
        assertThrows(IllegalArgumentException.class, () -> batch.add("a", "{\"id\":1,\n\"x\":2}"));
        assertThrows(IllegalArgumentException.class, () -> batch.add("a\tb", "{}"));
        assertEquals(0, batch.count());
    }

    @Test
    void aLineWithoutAKeyIsAnErrorNotAnEventSentWithout() {
        assertThrows(IllegalStateException.class, () -> OutboxBatch.forEach(
                "k\t{}\n{}".getBytes(StandardCharsets.UTF_8), (key, envelope) -> { }));
    }

    @Test
    void aCompressedBatchReadsBackWholeFarBeyondTheUsualRatioAndAsFramesWithAChecksumWereStored() throws IOException {
        OutboxBatch batch = new OutboxBatch();
        for (int i = 0; i < 20_000; i++) {
            batch.add("key-" + i, "{\"title\":\"" + "Hội nghị ".repeat(20) + "\"}");
        }
        byte[] frame = batch.compressed().bytes().readAllBytes();
        assertTrue(frame.length * 5L < batch.length(), "compresses beyond the first guess of the text's size");
        assertEquals(read(batch), readCompressed(frame));

        ByteArrayOutputStream checked = new ByteArrayOutputStream();
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(checked, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM)) {
            batch.bytes().transferTo(lz4);
        }
        assertEquals(read(batch), readCompressed(checked.toByteArray()));
    }

    private static List<String> readCompressed(byte[] frame) {
        List<String> read = new ArrayList<>();
        OutboxBatch.forEachCompressed(frame, (key, envelope) -> read.add(new String(key, StandardCharsets.UTF_8) + " "
                + new String(envelope, StandardCharsets.UTF_8)));
        return read;
    }

    private static List<String> read(OutboxBatch batch) throws IOException {
        List<String> read = new ArrayList<>();
        OutboxBatch.forEach(batch.bytes().readAllBytes(),
                (key, envelope) -> read.add(new String(key, StandardCharsets.UTF_8) + " "
                        + new String(envelope, StandardCharsets.UTF_8)));
        return read;
    }
}
