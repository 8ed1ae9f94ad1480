package vn.commops.activity.form;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.RetriedWhileDatabaseDown;
import vn.commops.common.form.FormReplicator;

/** Keeps this service's replica of plan-service's form catalogue, and has the in-memory catalogue reload. */
@ApplicationScoped
public class FormReplica {

    /** Fired when the replica changed, so the in-memory catalogue reloads once the transaction commits. */
    public record Applied(String code) {
    }

    private final FormReplicator replicator;
    private final Event<Applied> applied;

    FormReplica(FormReplicator replicator, Event<Applied> applied) {
        this.replicator = replicator;
        this.applied = applied;
    }

    @Incoming("communication-forms")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void apply(String message) {
        replicator.apply(message).ifPresent(code -> applied.fire(new Applied(code)));
    }
}
