package vn.commops.gateway.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachClientHasABucketOfItsOwn() {
        ClientBuckets buckets = new ClientBuckets(1, 1, 100);

        assertTrue(buckets.take("a", 0).allowed());
        assertFalse(buckets.take("a", 0).allowed());
        assertTrue(buckets.take("b", 0).allowed());
    }

    @Test
    void aClientIdleLongEnoughToBeFullAgainIsForgotten() {
        ClientBuckets buckets = new ClientBuckets(1, 2, 100);
        buckets.take("idle", 0);
        buckets.take("busy", SECOND);

        buckets.take("busy", 2 * SECOND);

        assertEquals(1, buckets.size(), "a full bucket is the same as none");
    }

    @Test
    void pastTheLimitTheClientIdleLongestGoes() {
        ClientBuckets buckets = new ClientBuckets(0.001, 1, 2);
        buckets.take("first", 0);
        buckets.take("second", 1);
        buckets.take("first", 2);

        buckets.take("third", 3);

        assertEquals(2, buckets.size());
        assertFalse(buckets.take("first", 4).allowed(), "used lately, so kept");
        assertTrue(buckets.take("second", 5).allowed(), "forgotten, so it starts full again");
    }

    @Test
    void aLimitThatLetsNothingThroughIsRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new ClientBuckets(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new ClientBuckets(1, 0, 10));
    }

    @Test
    void aCredentialIsKeptOnlyAsItsDigest() {
        String key = ClientKey.sha256("Bearer eyJhbGciOi.secret");

        assertEquals(43, key.length());
        assertFalse(key.contains("secret"));
        assertNotEquals(key, ClientKey.sha256("Bearer eyJhbGciOi.other"));
    }
}
