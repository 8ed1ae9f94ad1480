package vn.commops.activity.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A replica of an assignment owned by plan-service, kept current by its events (see {@link AssignmentReplica}). */
@Entity
@Table(name = "assignment_replica")
public class KnownAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String orgUnitCode;

    /** The activity form it expects, or null for any. */
    public String form;

    /** Null when known only from events older than the field. */
    public LocalDate startDate;

    @Column(nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public String status;

    public UUID campaignId;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;
}
