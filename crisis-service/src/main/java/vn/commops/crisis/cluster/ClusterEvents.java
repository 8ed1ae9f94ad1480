package vn.commops.crisis.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/**
 * Near-duplicate clusters on {@code feedback-clusters}, keyed by cluster id: one event each time a feedback
 * item starts a cluster or joins one. The cluster's representative and sample texts stay in crisis-service.
 */
@ApplicationScoped
public class ClusterEvents {

    public static final String TOPIC = "feedback-clusters";
    public static final String FORMED = "feedback-cluster.formed";
    public static final String GREW = "feedback-cluster.grew";

    private final EventPublisher publisher;

    ClusterEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record ClusterChanged(UUID clusterId, UUID feedbackId, String topicCode, int itemCount,
            OffsetDateTime firstSeen, OffsetDateTime lastSeen) {
    }

    void formed(ClusterChanged cluster) {
        publisher.publish(TOPIC, FORMED, cluster.clusterId().toString(), cluster);
    }

    void grew(ClusterChanged cluster) {
        publisher.publish(TOPIC, GREW, cluster.clusterId().toString(), cluster);
    }
}
