package vn.commops.plan.amendment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;
import vn.commops.plan.plan.PlanEvents;

/** Amendments of decided plans, on the plans topic keyed by plan id (in order with the plan's own events). */
@ApplicationScoped
public class AmendmentEvents {

    public static final String PROPOSED = "plan.amendment-proposed";
    public static final String APPROVED = "plan.amendment-approved";
    public static final String RETURNED = "plan.amendment-returned";

    private final EventPublisher publisher;

    AmendmentEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record AmendmentEventData(UUID amendmentId, UUID planId, Subject subjectType, UUID subjectId,
            AmendmentStatus status, List<String> fields, Map<String, Object> before, Map<String, Object> after,
            String actor, String reason) {
    }

    void publish(String type, Amendment amendment, List<String> fields, Map<String, Object> before,
            Map<String, Object> after, String actor) {
        publisher.publish(PlanEvents.TOPIC, type, amendment.planId.toString(), new AmendmentEventData(amendment.id,
                amendment.planId, amendment.subjectType, amendment.subjectId, amendment.status, fields, before, after,
                actor, amendment.reason));
    }
}
