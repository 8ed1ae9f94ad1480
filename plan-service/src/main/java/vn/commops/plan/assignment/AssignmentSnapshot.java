package vn.commops.plan.assignment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import vn.commops.common.event.QuietWhenStopping;

/**
 * Publishes every assignment's whole state once ({@code assignment.snapshot}) when a migration asks for it
 * ({@code assignment_snapshot_request}): a consumer that starts a replica from the {@code assignments} topic
 * (activity-service) would otherwise never learn of assignments whose events the topic no longer keeps. One
 * instance takes a request (row locked, skip locked), writes the events in its transaction and marks it
 * done, so a request is published once whatever the instances; a failed pass is tried again at the next.
 */
@ApplicationScoped
public class AssignmentSnapshot {

    private static final Logger LOG = Logger.getLogger(AssignmentSnapshot.class);

    private final EntityManager entityManager;
    private final AssignmentEvents events;

    AssignmentSnapshot(EntityManager entityManager, AssignmentEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    @QuietWhenStopping
    @Scheduled(every = "1h", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        QuarkusTransaction.requiringNew().run(this::publishRequested);
    }

    /** Publishes the pending requests, if another instance is not already; returns the assignments published. */
    int publishRequested() {
        @SuppressWarnings("unchecked")
        List<String> pending = entityManager.createNativeQuery("select id from assignment_snapshot_request "
                + "where published_at is null for update skip locked").getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        List<Assignment> all = Assignment.list("order by lineage");
        for (Assignment assignment : all) {
            events.publish(AssignmentEvents.SNAPSHOT, assignment);
        }
        entityManager.createNativeQuery("update assignment_snapshot_request set published_at = now(), "
                + "assignments = :count where id = any(cast(:ids as text[]))")
                .setParameter("count", all.size())
                .setParameter("ids", pending.toArray(String[]::new))
                .executeUpdate();
        LOG.infof("Published the state of %d assignments for %s", all.size(), pending);
        return all.size();
    }
}
