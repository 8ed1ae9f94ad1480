package vn.commops.plan.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/** Plan facts for other services; see docs/events.md. */
@ApplicationScoped
public class PlanEvents {

    public static final String TOPIC = "plans";
    public static final String CREATED = "plan.created";
    public static final String UPDATED = "plan.updated";
    public static final String TRANSFERRED = "plan.transferred";

    private final EventPublisher publisher;

    PlanEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** The payload: the plan's state after the change, and for transitions who moved it and why. */
    public record PlanEventData(UUID id, PlanType type, String title, String ownerUnitCode, LocalDate periodStart,
            LocalDate periodEnd, UUID parentPlanId, PlanStatus status, int version, String actor, String reason) {
    }

    void created(Plan plan) {
        publish(CREATED, plan, null, null);
    }

    void updated(Plan plan, String actor) {
        publish(UPDATED, plan, actor, null);
    }

    /** plan.submitted, plan.approved, plan.returned, plan.activated, plan.closed, plan.transferred. */
    void transitioned(Plan plan, PlanAction action, String actor, String reason) {
        publish(typeOf(action), plan, actor, reason);
    }

    static String typeOf(PlanAction action) {
        return switch (action) {
            case SUBMIT -> "plan.submitted";
            case APPROVE -> "plan.approved";
            case RETURN -> "plan.returned";
            case ACTIVATE -> "plan.activated";
            case CLOSE -> "plan.closed";
            case TRANSFER -> TRANSFERRED;
        };
    }

    private void publish(String type, Plan plan, String actor, String reason) {
        publisher.publish(TOPIC, type, plan.id.toString(), new PlanEventData(plan.id, plan.type, plan.title,
                plan.ownerUnitCode, plan.periodStart, plan.periodEnd, plan.parentPlanId, plan.status, plan.version,
                actor, reason));
    }
}
