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

    @Column(name = "org_unit_code", nullable = false)
    public String orgUnitCode;

    /** The activity form it expects, or null for any. */
    public String form;

    /** Null when known only from events older than the field. */
    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public String status;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
