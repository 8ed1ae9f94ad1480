package vn.commops.activity.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.commops.activity.activity.ActivityEvents;
import vn.commops.common.event.EventPublisher;

/**
 * Files attached to activities, on the activities topic keyed by the activity so that they keep their order
 * with its revisions. The type is {@code activity-evidence.*}, not {@code activity.*}: indicator-service and
 * plan-service read every {@code activity.*} event as a whole revision of the activity.
 */
@ApplicationScoped
public class EvidenceEvents {

    public static final String ATTACHED = "activity-evidence.attached";

    /** No name, caption or uploader: the file by its hash, what it is, and where the activity belongs. */
    public record Attached(UUID activityId, String orgUnitCode, String orgUnitPath, String sha256, String mediaType,
            long sizeBytes) {
    }

    private final EventPublisher publisher;

    EvidenceEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void attached(Attached attached) {
        publisher.publish(ActivityEvents.TOPIC, ATTACHED, attached.activityId().toString(), attached);
    }
}
