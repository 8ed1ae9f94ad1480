package vn.commops.activity.communicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A training of communicators: what, by which key lecturer, when, for how many hours, who attended, who was certified. */
@Entity
@Table(name = "training")
public class Training extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The client's own id for the training, so a retried POST returns the first recording. */
    public UUID clientId;

    @Column(nullable = false)
    public String topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrainingKind kind;

    /** The registered key lecturer who gave it; null only on trainings recorded before lecturers were registered. */
    public UUID lecturerId;

    /** The trainer as free text, on trainings recorded before lecturers were registered; read-only. */
    @Column(updatable = false)
    public String lecturerName;

    @Column(nullable = false)
    public String orgUnitCode;

    @Column(nullable = false)
    public LocalDate heldOn;

    /** Null only on trainings recorded before hours were. */
    public BigDecimal hours;

    @ElementCollection
    @CollectionTable(name = "training_attendee", joinColumns = @JoinColumn(name = "training_id"))
    public List<Participant> participants = new ArrayList<>();

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    public List<UUID> attendeeIds() {
        return participants.stream().filter(p -> p.attended).map(p -> p.communicatorId).toList();
    }
}
