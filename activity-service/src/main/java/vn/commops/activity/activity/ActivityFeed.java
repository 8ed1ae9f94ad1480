package vn.commops.activity.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.problem.ProblemException;

/**
 * The change feed offline clients sync from: every activity written after a point, in write order,
 * withdrawn ones as tombstones, with the cursor to ask from next time.
 */
@ApplicationScoped
public class ActivityFeed {

    private static final String CURSOR_PREFIX = "c";

    @Schema(name = "ActivityChange", description = "A change: the current revision, or a tombstone when withdrawn")
    public record Change(
            UUID id,
            @Schema(examples = "4") int revision,
            @Schema(description = "True for a tombstone: the activity was withdrawn and counts no more",
                    examples = "true") boolean withdrawn,
            @Schema(description = "The reason of a withdrawal",
                    examples = "Nhập trùng với báo cáo của Bưu điện tỉnh") String reason,
            @Schema(description = "The current revision; null for a tombstone") ActivityView activity) {
    }

    @Schema(name = "ActivityChanges")
    public record Changes(
            List<Change> items,
            @Schema(description = "Pass as updatedSince to get what changed after this page", examples = "c7391-1042")
            String nextCursor,
            @Schema(description = "Whether more changes wait beyond this page", examples = "true") boolean hasMore) {
    }

    private final Reporters reporters;

    ActivityFeed(Reporters reporters) {
        this.reporters = reporters;
    }

    /**
     * Changes are served in the order of (writing transaction, change_seq) and only up to the oldest
     * transaction still running: whatever commits later has a larger transaction id, so it sorts after
     * any cursor given out, and a change that commits late is never skipped, only served a little later.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes since(String updatedSince, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        Cursor after = Cursor.START;
        if (updatedSince != null && updatedSince.startsWith(CURSOR_PREFIX)) {
            after = Cursor.parse(updatedSince.substring(CURSOR_PREFIX.length()));
        } else if (updatedSince != null) {
            try {
                parameters.put("since", OffsetDateTime.parse(updatedSince));
                conditions.add("updatedAt >= :since");
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("invalid-cursor", "updatedSince",
                        "must be a cursor (c123-45) or a date-time with offset");
            }
        }
        conditions.add("(writeXid, changeSeq) > (:afterXid, :after)");
        parameters.put("afterXid", after.writeXid());
        parameters.put("after", after.changeSeq());
        conditions.add("writeXid < :settled");
        parameters.put("settled", oldestRunningTransaction());
        String grants = ActivityGrants.condition(reporters.current(), true, parameters);
        if (grants != null) {
            conditions.add(grants);
        }
        List<Activity> page = Activity.<Activity>find(String.join(" and ", conditions)
                + " order by writeXid, changeSeq", parameters).range(0, limit).list();
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        List<Change> items = page.stream().map(a -> a.withdrawn
                ? new Change(a.id, a.revision, true, a.changeReason, null)
                : new Change(a.id, a.revision, false, null, ActivityView.of(a))).toList();
        Activity lastItem = page.isEmpty() ? null : page.get(page.size() - 1);
        Cursor last = lastItem == null ? after : new Cursor(lastItem.writeXid, lastItem.changeSeq);
        return new Changes(items, CURSOR_PREFIX + last, more);
    }

    /**
     * Every transaction with a smaller id has ended, so all it wrote is visible now; taken in its own
     * statement before the page is read, whose later snapshot sees all of it.
     */
    private static long oldestRunningTransaction() {
        return ((Number) Activity.getEntityManager()
                .createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .getSingleResult()).longValue();
    }

    /**
     * A position in the feed. A cursor of a change_seq alone was given out before V10, among the rows
     * that keep write_xid 0, so it reads on from there and takes everything written since.
     */
    private record Cursor(long writeXid, long changeSeq) {

        static final Cursor START = new Cursor(0, 0);

        static Cursor parse(String text) {
            int dash = text.indexOf('-');
            try {
                return dash < 0 ? new Cursor(0, Long.parseLong(text))
                        : new Cursor(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-cursor", "updatedSince", "not a cursor this feed gave out");
            }
        }

        @Override
        public String toString() {
            return writeXid + "-" + changeSeq;
        }
    }
}
