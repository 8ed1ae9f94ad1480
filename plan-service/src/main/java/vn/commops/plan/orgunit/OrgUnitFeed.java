package vn.commops.plan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.sync.ChangeFeed;

/**
 * The change feed offline clients sync the hierarchy from: every unit written after a point, in
 * write order; a unit closed or merged away (closed as of today) comes as a tombstone naming its
 * successor, so a client moves what it holds there. A closure dated later comes when its day's job
 * applies it.
 */
@ApplicationScoped
public class OrgUnitFeed {

    @Schema(name = "OrgUnitChange", description = "A unit as it is now, or a tombstone once it is closed")
    public record Change(@Schema(examples = "LC-HOPHAI") String code,
            @Schema(description = "True for a tombstone: the unit is closed", examples = "false") boolean removed,
            @Schema(description = "Where a closed unit's work went", examples = "LC-SAPA") String successorCode,
            @Schema(description = "The unit; null for a tombstone") OrgUnitView orgUnit) {
    }

    @Schema(name = "OrgUnitChanges")
    public record Changes(List<Change> items,
            @Schema(description = "Pass as updatedSince to get what changed after this page", examples = "c7391-1042")
            String nextCursor,
            @Schema(description = "Whether more changes wait beyond this page", examples = "true") boolean hasMore) {
    }

    private final EntityManager entityManager;

    OrgUnitFeed(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes since(String updatedSince, int limit) {
        // A lambda, not a method reference: Panache gives each entity its own static find.
        ChangeFeed.Window<OrgUnit> window = ChangeFeed.since(entityManager, updatedSince, limit, List.of(),
                Map.of(), (query, parameters) -> OrgUnit.<OrgUnit>find(query, parameters),
                u -> new ChangeFeed.Position(u.writeXid, u.changeSeq));
        return new Changes(window.rows().stream().map(u -> u.isOpen()
                ? new Change(u.code, false, null, OrgUnitView.of(u))
                : new Change(u.code, true, u.successorCode, null)).toList(), window.nextCursor(), window.hasMore());
    }
}
