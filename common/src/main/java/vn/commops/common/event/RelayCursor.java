package vn.commops.common.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * Where the outbox relay goes on from, so that a pass reads only rows it has not seen instead of
 * walking the pending index from its start past every row marked published since the last vacuum.
 *
 * <p>Ids are taken when a row is inserted, not when it commits: a pass can see id 105 while id 103
 * belongs to a transaction still running. Such a skipped range is a gap. It is kept with the
 * snapshot's xmax at the time it was seen, and looked at once more when every transaction older
 * than that has ended (the snapshot's xmin has passed it): by then its rows are committed or
 * never will be. A long transaction anywhere on the server holds xmin back, so a gap is also looked
 * at once it is older than a timeout, whatever xmin says. A periodic sweep below the cursor is the
 * net under all of this.
 */
final class RelayCursor {

    /** Ids {@code from..to} were skipped, at {@code seenAt} (nanoTime), while transactions below {@code xmax} still ran. */
    record Gap(long from, long to, long xmax, long seenAt) {
    }

    /** Past this many open gaps, the oldest are left to the sweep. */
    private static final int MAX_GAPS = 100_000;

    private final LinkedList<Gap> gaps = new LinkedList<>();
    private final long timeoutNanos;
    private long after;

    RelayCursor(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** The highest id seen; 0 before the first pass (ids start at 1). */
    synchronized long after() {
        return after;
    }

    /** The ids a pass read after {@link #after()}, ascending, with the xmax of a snapshot taken after that read. */
    synchronized void seen(long[] ids, long snapshotXmax, long nowNanos) {
        if (ids.length == 0) {
            return;
        }
        // On the first pass everything below the first id seen is one gap: mostly history already sent,
        // but a transaction that started before this instance did may still commit into it.
        long expected = after + 1;
        for (long id : ids) {
            if (id > expected) {
                gaps.addLast(new Gap(expected, id - 1, snapshotXmax, nowNanos));
            }
            expected = id + 1;
        }
        after = Math.max(after, ids[ids.length - 1]);
        while (gaps.size() > MAX_GAPS) {
            gaps.removeFirst();
        }
    }

    /** The gaps no running transaction can fill any more, given a snapshot's xmin, and those past the timeout. */
    synchronized List<Gap> settled(long snapshotXmin, long nowNanos) {
        List<Gap> settled = new ArrayList<>();
        for (Gap gap : gaps) {
            if (gap.xmax() <= snapshotXmin || nowNanos - gap.seenAt() >= timeoutNanos) {
                settled.add(gap);
            }
        }
        return settled;
    }

    /** These gaps were read again and what they held was relayed. */
    synchronized void closed(List<Gap> closed) {
        Set<Gap> done = new HashSet<>(closed);
        gaps.removeIf(done::contains);
    }

    synchronized int openGaps() {
        return gaps.size();
    }
}
