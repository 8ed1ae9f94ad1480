package vn.commops.plan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import vn.commops.common.event.EventPublisher;

/** The org-unit facts other services keep replicas of; see docs/events.md. */
@ApplicationScoped
public class OrgUnitEvents {

    public static final String TOPIC = "org-units";
    public static final String CREATED = "org-unit.created";

    private final EventPublisher publisher;

    OrgUnitEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void created(OrgUnit unit) {
        publisher.publish(TOPIC, CREATED, unit.code, OrgUnitView.of(unit));
    }
}
