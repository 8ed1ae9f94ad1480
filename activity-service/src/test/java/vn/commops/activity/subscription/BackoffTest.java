package vn.commops.activity.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void doublesWithEachFailureBetweenHalfAndAllOfTheStep() {
        assertEquals(Duration.ofSeconds(5), Backoff.after(1, INITIAL, MAX, () -> 0.0));
        assertEquals(Duration.ofSeconds(10), Backoff.after(1, INITIAL, MAX, () -> 1.0));
        assertEquals(Duration.ofSeconds(20), Backoff.after(2, INITIAL, MAX, () -> 0.5 * 0 + 1.0));
        assertEquals(Duration.ofSeconds(60), Backoff.after(4, INITIAL, MAX, () -> 0.5));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertEquals(MAX, Backoff.after(20, INITIAL, MAX, () -> 1.0));
        assertEquals(MAX, Backoff.after(Integer.MAX_VALUE, INITIAL, MAX, () -> 1.0));
        assertEquals(MAX.dividedBy(2), Backoff.after(64, INITIAL, MAX, () -> 0.0));
    }
}
