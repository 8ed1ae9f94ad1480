package vn.commops.activity.subscription;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th failed attempt, wait between half and all of
 * {@code initial × 2^(n-1)}, capped at {@code max}. The jitter spreads the retries of many deliveries that
 * failed together (a receiver that was down) so they do not come back as one burst.
 */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int failedAttempts, Duration initial, Duration max, DoubleSupplier random) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        long ceiling = Math.min(max.toMillis(), saturatedShift(initial.toMillis(), doublings));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }

    private static long saturatedShift(long value, int bits) {
        return value > (Long.MAX_VALUE >> bits) ? Long.MAX_VALUE : value << bits;
    }
}
