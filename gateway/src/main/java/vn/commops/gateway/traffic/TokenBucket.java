package vn.commops.gateway.traffic;

/**
 * One client's allowance: it holds up to {@code burst} tokens, refills at {@code perSecond}, and each
 * request takes one. Not thread-safe; {@link ClientBuckets} guards it. Times are {@link System#nanoTime()}.
 */
final class TokenBucket {

    /** Whether a request may pass, what is left, and, if it may not, when the next token comes. */
    record Take(boolean allowed, int remaining, long retryAfterSeconds) {
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final int burst;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, int burst, long now) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    Take take(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAt) / NANOS_PER_SECOND * perSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return new Take(true, (int) tokens, 0);
        }
        long wait = (long) Math.ceil((1 - tokens) / perSecond);
        return new Take(false, 0, Math.max(1, wait));
    }

    /** A bucket left alone this long is full again, so forgetting it changes nothing. */
    static long refillNanos(double perSecond, int burst) {
        return (long) Math.ceil(burst / perSecond * NANOS_PER_SECOND);
    }
}
