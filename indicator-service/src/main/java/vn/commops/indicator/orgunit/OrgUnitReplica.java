package vn.commops.indicator.orgunit;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.RetriedWhileDatabaseDown;
import vn.commops.common.orgunit.OrgUnitReplicator;
import vn.commops.indicator.rollup.HierarchyRemap;

/**
 * Keeps this service's replica of the org units current from plan-service's events, then re-maps the
 * history of units that moved or merged (each step applies each event once).
 */
@ApplicationScoped
public class OrgUnitReplica {

    private final OrgUnitReplicator replicator;
    private final HierarchyRemap remap;

    OrgUnitReplica(OrgUnitReplicator replicator, HierarchyRemap remap) {
        this.replicator = replicator;
        this.remap = remap;
    }

    @Incoming("org-units")
    @RetriedWhileDatabaseDown
    @Blocking
    public void apply(String message) {
        replicator.apply(message);
        remap.apply(message);
    }
}
