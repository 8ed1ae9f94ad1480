package vn.commops.indicator.form;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.RetriedWhileDatabaseDown;
import vn.commops.common.form.FormReplicator;

/**
 * Keeps this service's replica of plan-service's form catalogue: the forms the {@code activities} events may
 * carry, so that a formula's {@code [FORM]} filter can be checked when it is saved.
 */
@ApplicationScoped
public class FormReplica {

    private final FormReplicator replicator;

    FormReplica(FormReplicator replicator) {
        this.replicator = replicator;
    }

    @Incoming("communication-forms")
    @RetriedWhileDatabaseDown
    @Blocking
    public void apply(String message) {
        replicator.apply(message);
    }
}
