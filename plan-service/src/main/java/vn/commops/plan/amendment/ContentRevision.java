package vn.commops.plan.amendment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of a decided plan's audit: like {@code PlanRevision} for the plan itself, the content of the
 * plan, a campaign or an assignment as a change left it, with what it was before, who and when. Never
 * changed once written.
 */
@Entity
@Table(name = "plan_content_revision")
public class ContentRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RevisionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Subject subjectType;

    @Column(nullable = false, updatable = false)
    public UUID subjectId;

    @Column(updatable = false)
    public UUID amendmentId;

    /** The top-level fields that differ between before and after (all of them for a snapshot). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false, columnDefinition = "text[]")
    public String[] fields;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false, columnDefinition = "jsonb")
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false, columnDefinition = "jsonb")
    public String after;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime at;
}
