package vn.commops.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxBatchTest {

    @Test
    void eventsComeBackInOrderWithTheirKeys() {
        OutboxBatch batch = new OutboxBatch(3)
                .add("a1", "{\"id\":1,\"note\":\"tab\\tand\\nbreak, escaped\"}")
                .add("a2", "{\"id\":2}")
                .add("a1", "{\"id\":3,\"data\":{\"title\":\"Hội nghị\"}}");
        List<String> read = new ArrayList<>();
        OutboxBatch.forEach(batch.text(), (key, envelope) -> read.add(key + " " + envelope));
        assertEquals(3, batch.count());
        assertEquals(List.of("a1 {\"id\":1,\"note\":\"tab\\tand\\nbreak, escaped\"}", "a2 {\"id\":2}",
                "a1 {\"id\":3,\"data\":{\"title\":\"Hội nghị\"}}"), read);
    }

    @Test
    void aRawLineBreakOrATabInTheKeyIsRefusedRatherThanSplitIntoTwoEvents() {
        OutboxBatch batch = new OutboxBatch(1);
        assertThrows(IllegalArgumentException.class, () -> batch.add("a", "{\"id\":1,\n\"x\":2}"));
        assertThrows(IllegalArgumentException.class, () -> batch.add("a\tb", "{}"));
        assertEquals(0, batch.count());
    }

    @Test
    void aLineWithoutAKeyIsAnErrorNotAnEventSentWithout() {
        assertThrows(IllegalStateException.class, () -> OutboxBatch.forEach("k\t{}\n{}", (key, envelope) -> { }));
    }
}
