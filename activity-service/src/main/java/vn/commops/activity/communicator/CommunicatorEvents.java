package vn.commops.activity.communicator;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/**
 * Communicator and training facts on {@code communicators}. People are named by id only: names,
 * contacts and the trainer's name stay in activity-service (docs/events.md).
 */
@ApplicationScoped
public class CommunicatorEvents {

    public static final String TOPIC = "communicators";
    public static final String REGISTERED = "communicator.registered";
    public static final String TRAINING_RECORDED = "training.recorded";

    private final EventPublisher publisher;

    CommunicatorEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record Registered(UUID communicatorId, Communicator.Kind kind, String orgUnitCode, String role,
            OffsetDateTime createdAt) {
    }

    public record TrainingRecorded(UUID trainingId, String topic, String orgUnitCode, LocalDate heldOn,
            List<UUID> attendeeIds, OffsetDateTime createdAt) {
    }

    void registered(Communicator c) {
        publisher.publish(TOPIC, REGISTERED, c.id.toString(),
                new Registered(c.id, c.kind, c.orgUnitCode, c.role, c.createdAt));
    }

    void trainingRecorded(Training t) {
        publisher.publish(TOPIC, TRAINING_RECORDED, t.id.toString(), new TrainingRecorded(t.id, t.topic,
                t.orgUnitCode, t.heldOn, List.copyOf(t.attendees), t.createdAt));
    }
}
