package vn.commops.activity.bulk;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random.
 * Activities recorded together get ids that sort together, so a bulk insert appends to the primary
 * key's right edge instead of touching a random page of an index far larger than the buffer cache.
 * The ids are not secrets (every read checks the caller's grants), so a fast random source will do.
 */
final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (unixMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
