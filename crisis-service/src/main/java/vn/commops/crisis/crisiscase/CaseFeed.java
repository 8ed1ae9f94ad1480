package vn.commops.crisis.crisiscase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.sync.ChangeFeed;

/**
 * The change feed offline clients sync crisis cases from: every case written after a point, in write
 * order; a closed case comes as a tombstone, since nothing more happens to it and a client drops it
 * from the cases it works on (its full record stays readable by id).
 */
@ApplicationScoped
public class CaseFeed {

    @Schema(name = "CrisisCaseChange", description = "A case as it is now, or a tombstone once closed")
    public record Change(UUID id,
            @Schema(description = "True for a tombstone: the case is closed", examples = "false") boolean removed,
            @Schema(description = "The case; null for a tombstone") CaseViews.Summary crisisCase) {
    }

    @Schema(name = "CrisisCaseChanges")
    public record Changes(List<Change> items,
            @Schema(description = "Pass as updatedSince to get what changed after this page", examples = "c7391-1042")
            String nextCursor,
            @Schema(description = "Whether more changes wait beyond this page", examples = "true") boolean hasMore) {
    }

    private final EntityManager entityManager;

    CaseFeed(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes since(String updatedSince, int limit) {
        // A lambda, not a method reference: Panache gives each entity its own static find.
        ChangeFeed.Window<CrisisCase> window = ChangeFeed.since(entityManager, updatedSince, limit, List.of(),
                Map.of(), (query, parameters) -> CrisisCase.<CrisisCase>find(query, parameters),
                c -> new ChangeFeed.Position(c.writeXid, c.changeSeq));
        return new Changes(window.rows().stream().map(c -> c.status == CaseStatus.CLOSED
                ? new Change(c.id, true, null) : new Change(c.id, false, CaseViews.Summary.of(c))).toList(),
                window.nextCursor(), window.hasMore());
    }
}
