package vn.commops.plan.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task handed to an org unit: what form, how many, by when, with what budget and outcome targets. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Schema(name = "AssignmentStatus")
    public enum Status {
        OPEN, CLOSED
    }

    @Id
    public UUID id;

    public UUID planId;

    public UUID campaignId;

    public UUID parentAssignmentId;

    /** '/root/…/this/': the subtree of an assignment is every one whose lineage starts with its own. */
    @Column(nullable = false)
    public String lineage;

    @Column(nullable = false)
    public String orgUnitCode;

    @Column(nullable = false)
    public String title;

    public String description;

    /** A code of the form catalogue, or null for any form. */
    public String form;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false)
    public long budgetVnd;

    @Column(nullable = false)
    public LocalDate startDate;

    @Column(nullable = false)
    public LocalDate dueDate;

    public String responsible;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String transferredFrom;

    public UUID sourceCaseId;

    public UUID sourceRequestId;

    public String idempotencyKey;

    @Column(nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    /** Outcome targets by metric name (newSocialInsurance, attendance…). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assignment_target", joinColumns = @JoinColumn(name = "assignment_id"))
    @MapKeyColumn(name = "metric")
    @Column(name = "target", nullable = false)
    public Map<String, Long> targets = new TreeMap<>();

    /** Stamped by the database on every write (V12): where the row stands in the change feed. */
    @Column(insertable = false, updatable = false)
    public long writeXid;

    @Column(insertable = false, updatable = false)
    public long changeSeq;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime changedAt;

    @Version
    public int version;

    /** This assignment and the ones above it, root first. */
    List<UUID> lineageIds() {
        return Arrays.stream(lineage.split("/")).filter(id -> !id.isEmpty()).map(UUID::fromString).toList();
    }
}
