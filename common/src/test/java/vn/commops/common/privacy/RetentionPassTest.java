package vn.commops.common.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The retention job runs batch after batch while batches come back full, so a backlog clears in one pass. */
class RetentionPassTest {

    private final RetentionPass<Object, ContactEraserTest.Erasure> pass = new RetentionPass<>(
            new ContactEraserTest.UntouchedStore(), ContactEraserTest.Erasure::new, ContactEraserTest.SETTINGS);

    @Test
    void fullBatchesAreFollowedByAnotherUntilOneComesBackShort() {
        Queue<Integer> batches = new ArrayDeque<>(List.of(5000, 5000, 12, 99));
        assertEquals(10_012, pass.untilDone(OffsetDateTime.now(), now -> batches.remove()));
        assertEquals(List.of(99), List.copyOf(batches));
    }

    @Test
    void anEmptyFirstBatchEndsThePass() {
        Queue<Integer> batches = new ArrayDeque<>(List.of(0, 5000));
        assertEquals(0, pass.untilDone(OffsetDateTime.now(), now -> batches.remove()));
        assertEquals(1, batches.size());
    }
}
