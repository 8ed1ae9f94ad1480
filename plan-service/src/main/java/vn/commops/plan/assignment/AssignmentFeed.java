package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.sync.ChangeFeed;

/**
 * The change feed offline clients sync assignments from: every assignment written after a point, in
 * write order; a closed one comes as a tombstone, since no more activities report against it. Its
 * progress is read live and moves without making a change: a client reads it by id when it shows it.
 */
@ApplicationScoped
public class AssignmentFeed {

    @Schema(name = "AssignmentChange", description = "An assignment as it is now, or a tombstone once closed")
    public record Change(UUID id,
            @Schema(description = "True for a tombstone: the assignment is closed", examples = "false") boolean removed,
            @Schema(description = "The assignment; null for a tombstone") AssignmentView assignment) {
    }

    @Schema(name = "AssignmentChanges")
    public record Changes(List<Change> items,
            @Schema(description = "Pass as updatedSince to get what changed after this page", examples = "c7391-1042")
            String nextCursor,
            @Schema(description = "Whether more changes wait beyond this page", examples = "true") boolean hasMore) {
    }

    private final EntityManager entityManager;
    private final AssignmentProgress progress;

    AssignmentFeed(EntityManager entityManager, AssignmentProgress progress) {
        this.entityManager = entityManager;
        this.progress = progress;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes since(String updatedSince, int limit) {
        // A lambda, not a method reference: Panache gives each entity its own static find.
        ChangeFeed.Window<Assignment> window = ChangeFeed.since(entityManager, updatedSince, limit, List.of(),
                Map.of(), (query, parameters) -> Assignment.<Assignment>find(query, parameters),
                a -> new ChangeFeed.Position(a.writeXid, a.changeSeq));
        return new Changes(window.rows().stream().map(a -> a.status == Assignment.Status.CLOSED
                ? new Change(a.id, true, null)
                : new Change(a.id, false, AssignmentView.of(a, progress.of(a)))).toList(),
                window.nextCursor(), window.hasMore());
    }
}
