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
            @Schema(description = "Pass as updatedSince to get what changed after this page", examples = "c1042")
            String nextCursor,
            @Schema(description = "Whether more changes wait beyond this page", examples = "true") boolean hasMore) {
    }

    private final Reporters reporters;

    ActivityFeed(Reporters reporters) {
        this.reporters = reporters;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes since(String updatedSince, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        long after = 0;
        if (updatedSince != null && updatedSince.startsWith(CURSOR_PREFIX)) {
            try {
                after = Long.parseLong(updatedSince.substring(CURSOR_PREFIX.length()));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-cursor", "updatedSince", "not a cursor this feed gave out");
            }
        } else if (updatedSince != null) {
            try {
                parameters.put("since", OffsetDateTime.parse(updatedSince));
                conditions.add("updatedAt >= :since");
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("invalid-cursor", "updatedSince",
                        "must be a cursor (c123) or a date-time with offset");
            }
        }
        conditions.add("changeSeq > :after");
        parameters.put("after", after);
        String grants = ActivityGrants.condition(reporters.current(), true, parameters);
        if (grants != null) {
            conditions.add(grants);
        }
        List<Activity> page = Activity.<Activity>find(String.join(" and ", conditions) + " order by changeSeq", parameters)
                .range(0, limit).list();
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        List<Change> items = page.stream().map(a -> a.withdrawn
                ? new Change(a.id, a.revision, true, a.changeReason, null)
                : new Change(a.id, a.revision, false, null, ActivityView.of(a))).toList();
        long last = page.isEmpty() ? after : page.get(page.size() - 1).changeSeq;
        return new Changes(items, CURSOR_PREFIX + last, more);
    }
}
