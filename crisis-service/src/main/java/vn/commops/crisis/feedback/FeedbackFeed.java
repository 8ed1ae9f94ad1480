package vn.commops.crisis.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.sync.ChangeFeed;

/**
 * The change feed offline clients sync feedback from: every item written after a point, in write
 * order (classification and clustering rewrite an item, so it comes again), never with a contact.
 * Feedback is never deleted today, so the feed has no tombstones; {@code removed} is there for the
 * day it is (a contact's erasure keeps the item).
 */
@ApplicationScoped
public class FeedbackFeed {

    @Schema(name = "FeedbackChange", description = "A feedback item as it is now")
    public record Change(UUID id,
            @Schema(description = "Always false: feedback is kept", examples = "false") boolean removed,
            FeedbackView feedback) {
    }

    @Schema(name = "FeedbackChanges")
    public record Changes(List<Change> items,
            @Schema(description = "Pass as updatedSince to get what changed after this page", examples = "c7391-1042")
            String nextCursor,
            @Schema(description = "Whether more changes wait beyond this page", examples = "true") boolean hasMore) {
    }

    private final EntityManager entityManager;

    FeedbackFeed(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes since(String updatedSince, int limit) {
        // A lambda, not a method reference: Panache gives each entity its own static find.
        ChangeFeed.Window<Feedback> window = ChangeFeed.since(entityManager, updatedSince, limit, List.of(),
                Map.of(), (query, parameters) -> Feedback.<Feedback>find(query, parameters),
                f -> new ChangeFeed.Position(f.writeXid, f.changeSeq));
        Set<UUID> withContact = FeedbackService.withContact(window.rows());
        return new Changes(window.rows().stream()
                .map(f -> new Change(f.id, false, FeedbackView.of(f, withContact.contains(f.id)))).toList(),
                window.nextCursor(), window.hasMore());
    }
}
