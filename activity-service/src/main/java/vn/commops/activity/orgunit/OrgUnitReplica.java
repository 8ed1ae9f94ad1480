package vn.commops.activity.orgunit;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.RetriedWhileDatabaseDown;
import vn.commops.common.orgunit.OrgUnitReplicator;

/** Keeps this service's replica of the org units current from plan-service's events. */
@ApplicationScoped
public class OrgUnitReplica {

    private final OrgUnitReplicator replicator;

    OrgUnitReplica(OrgUnitReplicator replicator) {
        this.replicator = replicator;
    }

    @Incoming("org-units")
    @RetriedWhileDatabaseDown
    @Blocking
    public void apply(String message) {
        replicator.apply(message);
    }
}
