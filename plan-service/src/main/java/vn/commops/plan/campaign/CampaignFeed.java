package vn.commops.plan.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.sync.ChangeFeed;
import vn.commops.plan.plan.Plan;

/**
 * The change feed offline clients sync campaigns from: every campaign written after a point, in
 * write order. Campaigns are never deleted, so the feed has no tombstones; {@code removed} is there
 * for the day one is.
 */
@ApplicationScoped
public class CampaignFeed {

    @Schema(name = "CampaignChange", description = "A campaign as it is now")
    public record Change(UUID id,
            @Schema(description = "Always false: campaigns are kept", examples = "false") boolean removed,
            CampaignView campaign) {
    }

    @Schema(name = "CampaignChanges")
    public record Changes(List<Change> items,
            @Schema(description = "Pass as updatedSince to get what changed after this page", examples = "c7391-1042")
            String nextCursor,
            @Schema(description = "Whether more changes wait beyond this page", examples = "true") boolean hasMore) {
    }

    private final EntityManager entityManager;

    CampaignFeed(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes since(String updatedSince, int limit) {
        // A lambda, not a method reference: Panache gives each entity its own static find.
        ChangeFeed.Window<Campaign> window = ChangeFeed.since(entityManager, updatedSince, limit, List.of(),
                Map.of(), (query, parameters) -> Campaign.<Campaign>find(query, parameters),
                c -> new ChangeFeed.Position(c.writeXid, c.changeSeq));
        return new Changes(window.rows().stream().map(c -> new Change(c.id, false, CampaignView.of(c,
                Plan.<Plan>findByIdOptional(c.planId).map(plan -> plan.ownerUnitCode).orElse(null)))).toList(),
                window.nextCursor(), window.hasMore());
    }
}
