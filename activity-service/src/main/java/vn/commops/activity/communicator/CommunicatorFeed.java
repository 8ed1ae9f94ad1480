package vn.commops.activity.communicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.communicator.CommunicatorViews.CommunicatorView;
import vn.commops.common.sync.ChangeFeed;

/**
 * The change feed offline clients sync communicators from: every one written after a point, in write
 * order, never with a contact. Communicators are never deleted, so the feed has no tombstones;
 * {@code removed} is there for the day one is.
 */
@ApplicationScoped
public class CommunicatorFeed {

    @Schema(name = "CommunicatorChange", description = "A communicator as it is now, without the contact")
    public record Change(UUID id,
            @Schema(description = "Always false: communicators are kept", examples = "false") boolean removed,
            CommunicatorView communicator) {
    }

    @Schema(name = "CommunicatorChanges")
    public record Changes(List<Change> items,
            @Schema(description = "Pass as updatedSince to get what changed after this page", examples = "c7391-1042")
            String nextCursor,
            @Schema(description = "Whether more changes wait beyond this page", examples = "true") boolean hasMore) {
    }

    private final EntityManager entityManager;

    CommunicatorFeed(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes since(String updatedSince, int limit) {
        // A lambda, not a method reference: Panache gives each entity its own static find.
        ChangeFeed.Window<Communicator> window = ChangeFeed.since(entityManager, updatedSince, limit, List.of(),
                Map.of(), (query, parameters) -> Communicator.<Communicator>find(query, parameters),
                c -> new ChangeFeed.Position(c.writeXid, c.changeSeq));
        return new Changes(window.rows().stream()
                .map(c -> new Change(c.id, false, CommunicatorView.of(c, null))).toList(),
                window.nextCursor(), window.hasMore());
    }
}
