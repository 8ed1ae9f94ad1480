package vn.commops.plan.plan;

import jakarta.enterprise.context.ApplicationScoped;
import vn.commops.common.event.EventPublisher;

/** Plan facts for other services; see docs/events.md. */
@ApplicationScoped
public class PlanEvents {

    public static final String TOPIC = "plans";
    public static final String CREATED = "plan.created";

    private final EventPublisher publisher;

    PlanEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void created(Plan plan) {
        publisher.publish(TOPIC, CREATED, plan.id.toString(), PlanView.of(plan));
    }
}
