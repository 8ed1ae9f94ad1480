package vn.commops.plan.amendment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A change of amounts (a campaign's budget lines; an assignment's quantity, budget, targets) made to a
 * decided plan, held until the plan's decider approves or returns it. The live values stay as approved.
 */
@Entity
@Table(name = "plan_amendment")
public class Amendment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Subject subjectType;

    @Column(nullable = false, updatable = false)
    public UUID subjectId;

    /** The held fields as they were when proposed: approval applies only while they still are. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public String before;

    /** The held fields as proposed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public String after;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AmendmentStatus status;

    @Column(nullable = false, updatable = false)
    public String proposedBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime proposedAt;

    public String decidedBy;

    public OffsetDateTime decidedAt;

    public String reason;

    @Version
    public int version;
}
