package vn.commops.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelayCursorTest {

    @Test
    void belowTheFirstPassIsOneGapForTransactionsOlderThanTheRelay() {
        RelayCursor cursor = new RelayCursor(5_000);
        cursor.seen(new long[] {1_000, 1_001, 1_002}, 50, 0);
        assertEquals(1_002, cursor.after());
        assertEquals(List.of(new RelayCursor.Gap(1, 999, 50, 0)), cursor.settled(50, 0));
    }

    @Test
    void aFirstPassFromTheFirstIdLeavesNoGap() {
        RelayCursor cursor = new RelayCursor(5_000);
        cursor.seen(new long[] {1, 2}, 50, 0);
        assertEquals(0, cursor.openGaps());
    }

    @Test
    void idsSkippedBetweenPassesAndWithinAPassAreGaps() {
        RelayCursor cursor = new RelayCursor(5_000);
        cursor.seen(new long[] {1, 10}, 50, 0);
        cursor.closed(cursor.settled(50, 0));
        cursor.seen(new long[] {13, 14, 17}, 60, 0);
        assertEquals(17, cursor.after());
        assertEquals(List.of(new RelayCursor.Gap(11, 12, 60, 0), new RelayCursor.Gap(15, 16, 60, 0)), cursor.settled(60, 0));
    }

    @Test
    void aGapSettlesOnlyWhenEveryTransactionThatCouldFillItHasEnded() {
        RelayCursor cursor = new RelayCursor(5_000);
        cursor.seen(new long[] {1}, 100, 0);
        cursor.seen(new long[] {3}, 100, 0);
        cursor.seen(new long[] {5}, 200, 0);
        assertTrue(cursor.settled(99, 0).isEmpty(), "a transaction below xmax 100 may still be running");
        assertEquals(List.of(new RelayCursor.Gap(2, 2, 100, 0)), cursor.settled(100, 0));
        assertEquals(2, cursor.settled(200, 0).size());
    }

    @Test
    void closedGapsAreNotLookedAtAgain() {
        RelayCursor cursor = new RelayCursor(5_000);
        cursor.seen(new long[] {1, 3, 5}, 100, 0);
        List<RelayCursor.Gap> settled = cursor.settled(100, 0);
        cursor.closed(settled);
        assertEquals(0, cursor.openGaps());
        assertTrue(cursor.settled(1_000, 0).isEmpty());
    }

    @Test
    void aGapPastTheTimeoutIsLookedAtThoughAnOldTransactionHoldsXminBack() {
        RelayCursor cursor = new RelayCursor(5_000);
        cursor.seen(new long[] {1, 3}, 100, 1_000);
        assertTrue(cursor.settled(10, 5_999).isEmpty());
        assertEquals(List.of(new RelayCursor.Gap(2, 2, 100, 1_000)), cursor.settled(10, 6_000));
    }

    @Test
    void anEmptyPassChangesNothing() {
        RelayCursor cursor = new RelayCursor(5_000);
        cursor.seen(new long[] {1}, 10, 0);
        cursor.seen(new long[0], 20, 0);
        assertEquals(1, cursor.after());
        assertEquals(0, cursor.openGaps());
    }
}
