package vn.commops.common.sync;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.commops.common.problem.ProblemException;

/**
 * The delta feed an offline client syncs a list from, on activity-service's contract: rows in the
 * order of the transaction that wrote them, then their change_seq, served only up to the oldest
 * transaction still running ({@code pg_snapshot_xmin}). Whatever commits later has a larger
 * transaction id, so it sorts after every cursor already given out: a change that commits late
 * arrives a little later and is never skipped. The database stamps {@code write_xid},
 * {@code change_seq} and {@code changed_at} on every insert and update (a trigger), so no writer
 * can forget to.
 */
public final class ChangeFeed {

    public static final String CURSOR_DESCRIPTION = "A cursor from a previous page (nextCursor), or a date-time "
            + "with offset; empty for everything";
    private static final String CURSOR_PREFIX = "c";

    private ChangeFeed() {
    }

    /** Where a row stands in the feed. */
    public record Position(long writeXid, long changeSeq) {

        static final Position START = new Position(0, 0);

        static Position parse(String text) {
            int dash = text.indexOf('-');
            try {
                if (dash < 0) {
                    throw new NumberFormatException(text);
                }
                return new Position(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-cursor", "updatedSince", "not a cursor this feed gave out");
            }
        }

        @Override
        public String toString() {
            return CURSOR_PREFIX + writeXid + "-" + changeSeq;
        }
    }

    /** One page of changed rows and the cursor to ask from next time. */
    public record Window<E>(List<E> rows, String nextCursor, boolean hasMore) {
    }

    /**
     * The rows changed after {@code updatedSince}, at most {@code limit}.
     *
     * @param scope      conditions the caller's list already applies (grants, filters), with their parameters
     * @param find       the entity's Panache {@code find(query, parameters)}
     * @param positionOf a row's stamped position
     */
    public static <E> Window<E> since(EntityManager entityManager, String updatedSince, int limit, List<String> scope,
            Map<String, Object> scopeParameters, BiFunction<String, Map<String, Object>, PanacheQuery<E>> find,
            Function<E, Position> positionOf) {
        List<String> conditions = new ArrayList<>(scope);
        Map<String, Object> parameters = new HashMap<>(scopeParameters);
        Position after = Position.START;
        if (updatedSince != null && updatedSince.startsWith(CURSOR_PREFIX)) {
            after = Position.parse(updatedSince.substring(CURSOR_PREFIX.length()));
        } else if (updatedSince != null && !updatedSince.isBlank()) {
            try {
                parameters.put("syncSince", OffsetDateTime.parse(updatedSince));
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("invalid-cursor", "updatedSince",
                        "must be a cursor (c123-45) or a date-time with offset");
            }
            conditions.add("changedAt >= :syncSince");
        }
        conditions.add("(writeXid, changeSeq) > (:syncAfterXid, :syncAfterSeq)");
        parameters.put("syncAfterXid", after.writeXid());
        parameters.put("syncAfterSeq", after.changeSeq());
        conditions.add("writeXid < :syncSettled");
        parameters.put("syncSettled", oldestRunningTransaction(entityManager));
        List<E> page = find.apply(String.join(" and ", conditions) + " order by writeXid, changeSeq", parameters)
                .range(0, limit).list();
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        Position last = page.isEmpty() ? after : positionOf.apply(page.get(page.size() - 1));
        return new Window<>(page, last.toString(), more);
    }

    /**
     * Every transaction with a smaller id has ended, so all it wrote is visible now; taken in its own
     * statement before the page is read, whose later snapshot sees all of it.
     */
    private static long oldestRunningTransaction(EntityManager entityManager) {
        return ((Number) entityManager.createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .getSingleResult()).longValue();
    }
}
