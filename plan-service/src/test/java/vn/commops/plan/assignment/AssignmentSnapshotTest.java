package vn.commops.plan.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** A requested snapshot publishes every assignment's whole state once, so a new replica starts complete. */
@QuarkusTest
class AssignmentSnapshotTest {

    @Inject
    AssignmentSnapshot snapshot;

    @Inject
    EntityManager entityManager;

    @Test
    void aRequestedSnapshotPublishesEveryAssignmentOnce() {
        String[] tree = OrgUnitFixtures.tree();
        String id = AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[2], "BANNER", 5, 0,
                "2024-05-06", "2024-05-21", Map.of()));
        String request = "test-" + id;
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("insert into "
                + "assignment_snapshot_request (id, reason, requested_at) values (:id, 'a new replica', now())")
                .setParameter("id", request).executeUpdate());

        QuarkusTransaction.requiringNew().call(snapshot::publishRequested);

        TopicProbe.Received event = TopicProbe.awaitMessage(AssignmentEvents.TOPIC,
                m -> AssignmentEvents.SNAPSHOT.equals(m.value().path("type").asText()) && id.equals(m.key()),
                Duration.ofSeconds(20));
        assertEquals(tree[2], event.value().path("data").path("orgUnitCode").asText());
        assertEquals("2024-05-06", event.value().path("data").path("startDate").asText());
        assertEquals(LocalDate.parse("2024-05-21").toString(), event.value().path("data").path("dueDate").asText());
        Object published = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select published_at from assignment_snapshot_request where id = :id").setParameter("id", request)
                .getSingleResult());
        assertNotNull(published);
        // Done once: nothing is pending any more.
        assertEquals(0, QuarkusTransaction.requiringNew().call(snapshot::publishRequested));
    }
}
