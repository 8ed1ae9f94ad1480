package vn.commops.activity.communicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A training of communicators: what, by whom, when, who attended. */
@Entity
@Table(name = "training")
public class Training extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String trainer;

    @Column(nullable = false)
    public String orgUnitCode;

    @Column(nullable = false)
    public LocalDate heldOn;

    @ElementCollection
    @CollectionTable(name = "training_attendee", joinColumns = @JoinColumn(name = "training_id"))
    @Column(name = "communicator_id")
    public Set<UUID> attendees = new LinkedHashSet<>();

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
