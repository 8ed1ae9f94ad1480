package vn.commops.activity.communicator;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/**
 * Communicator and training facts on {@code communicators}. People are named by id only: names,
 * contacts, notes, certificate numbers and the legacy trainer's name stay in activity-service (docs/events.md).
 */
@ApplicationScoped
public class CommunicatorEvents {

    public static final String TOPIC = "communicators";
    public static final String REGISTERED = "communicator.registered";
    public static final String UPDATED = "communicator.updated";
    public static final String DEACTIVATED = "communicator.deactivated";
    public static final String REACTIVATED = "communicator.reactivated";
    public static final String TRAINING_RECORDED = "training.recorded";

    private final EventPublisher publisher;

    CommunicatorEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record Registered(UUID communicatorId, Communicator.Kind kind, String orgUnitCode, String role,
            OffsetDateTime createdAt) {
    }

    /** Which parts changed, not what they became beyond kind and unit: the name and the contact stay here. */
    public record Updated(UUID communicatorId, Communicator.Kind kind, String orgUnitCode, String previousOrgUnitCode,
            boolean nameChanged, boolean roleChanged, boolean contactChanged, int version, OffsetDateTime updatedAt) {
    }

    public record Deactivated(UUID communicatorId, String orgUnitCode, DeactivationReason reason,
            OffsetDateTime deactivatedAt, int version) {
    }

    public record Reactivated(UUID communicatorId, String orgUnitCode, OffsetDateTime reactivatedAt, int version) {
    }

    public record Certified(UUID communicatorId, LocalDate validUntil) {
    }

    public record TrainingRecorded(UUID trainingId, String topic, TrainingKind kind, UUID lecturerId,
            String orgUnitCode, LocalDate heldOn, BigDecimal hours, List<UUID> attendeeIds,
            List<Certified> certified, OffsetDateTime createdAt) {
    }

    void registered(Communicator c) {
        publisher.publish(TOPIC, REGISTERED, c.id.toString(),
                new Registered(c.id, c.kind, c.orgUnitCode, c.role, c.createdAt));
    }

    void updated(Communicator c, String previousUnit, boolean nameChanged, boolean roleChanged, boolean contactChanged,
            OffsetDateTime at) {
        publisher.publish(TOPIC, UPDATED, c.id.toString(), new Updated(c.id, c.kind, c.orgUnitCode,
                previousUnit.equals(c.orgUnitCode) ? null : previousUnit, nameChanged, roleChanged, contactChanged,
                c.version, at));
    }

    void deactivated(Communicator c) {
        publisher.publish(TOPIC, DEACTIVATED, c.id.toString(),
                new Deactivated(c.id, c.orgUnitCode, c.deactivationReason, c.deactivatedAt, c.version));
    }

    void reactivated(Communicator c, OffsetDateTime at) {
        publisher.publish(TOPIC, REACTIVATED, c.id.toString(), new Reactivated(c.id, c.orgUnitCode, at, c.version));
    }

    void trainingRecorded(Training t) {
        publisher.publish(TOPIC, TRAINING_RECORDED, t.id.toString(), new TrainingRecorded(t.id, t.topic, t.kind,
                t.lecturerId, t.orgUnitCode, t.heldOn, t.hours, t.attendeeIds(),
                t.participants.stream().filter(Participant::isCertified)
                        .map(p -> new Certified(p.communicatorId, p.certificateValidUntil)).toList(),
                t.createdAt));
    }
}
