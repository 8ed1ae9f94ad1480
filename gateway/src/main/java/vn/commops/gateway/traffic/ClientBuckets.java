package vn.commops.gateway.traffic;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buckets of the clients seen lately, bounded in memory: a bucket idle long enough to be full
 * again is dropped (it is the same as a new one), and past {@code maxClients} the one idle longest goes.
 * Kept in access order, so the idle ones are always at the head and a sweep stops at the first busy one.
 */
final class ClientBuckets {

    private final double perSecond;
    private final int burst;
    private final int maxClients;
    private final long idleNanos;
    private final LinkedHashMap<String, Entry> buckets = new LinkedHashMap<>(1024, 0.75f, true);

    private static final class Entry {

        final TokenBucket bucket;
        long usedAt;

        Entry(TokenBucket bucket, long usedAt) {
            this.bucket = bucket;
            this.usedAt = usedAt;
        }
    }

    ClientBuckets(double perSecond, int burst, int maxClients) {
        if (!(perSecond > 0) || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("A rate limit needs requests-per-second > 0, burst >= 1 and max-clients >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxClients = maxClients;
        this.idleNanos = TokenBucket.refillNanos(perSecond, burst);
    }

    /** Takes one token from the client's bucket; a lock held for a few arithmetic steps, never across I/O. */
    synchronized TokenBucket.Take take(String client, long now) {
        forgetIdle(now);
        Entry entry = buckets.get(client);
        if (entry == null) {
            if (buckets.size() >= maxClients) {
                Iterator<Entry> eldest = buckets.values().iterator();
                eldest.next();
                eldest.remove();
            }
            entry = new Entry(new TokenBucket(perSecond, burst, now), now);
            buckets.put(client, entry);
        }
        entry.usedAt = now;
        return entry.bucket.take(now);
    }

    synchronized int size() {
        return buckets.size();
    }

    int burst() {
        return burst;
    }

    private void forgetIdle(long now) {
        Iterator<Map.Entry<String, Entry>> oldestFirst = buckets.entrySet().iterator();
        while (oldestFirst.hasNext() && now - oldestFirst.next().getValue().usedAt >= idleNanos) {
            oldestFirst.remove();
        }
    }
}
