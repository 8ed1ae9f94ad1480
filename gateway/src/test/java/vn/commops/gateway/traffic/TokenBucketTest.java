package vn.commops.gateway.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void anIdleClientMaySendItsWholeBurstAtOnce() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        assertEquals(2, bucket.take(0).remaining());
        assertEquals(1, bucket.take(0).remaining());
        assertEquals(0, bucket.take(0).remaining());
        assertFalse(bucket.take(0).allowed());
    }

    @Test
    void theBucketRefillsAtTheRateAndNoFurtherThanTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.take(0);
        }

        assertTrue(bucket.take(SECOND / 2).allowed(), "half a second at 2/s is one token");
        assertFalse(bucket.take(SECOND / 2).allowed());
        assertEquals(2, bucket.take(100 * SECOND).remaining(), "never more than the burst");
    }

    @Test
    void aRefusalSaysWhenTheNextTokenComesInWholeSeconds() {
        TokenBucket slow = new TokenBucket(0.25, 1, 0);
        slow.take(0);

        TokenBucket.Take refused = slow.take(SECOND);

        assertFalse(refused.allowed());
        assertEquals(3, refused.retryAfterSeconds());
    }

    @Test
    void aFastRateStillAsksForAtLeastOneSecond() {
        TokenBucket fast = new TokenBucket(1000, 1, 0);
        fast.take(0);

        assertEquals(1, fast.take(0).retryAfterSeconds());
    }
}
