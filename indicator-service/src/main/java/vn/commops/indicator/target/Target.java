package vn.commops.indicator.target;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One version of the target of an indicator for a unit and period. Versions are never changed: a new
 * target for the same period is a new version with its own effective date, so a period is judged
 * against the version in force at the time.
 */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "indicator_code", nullable = false)
    public String indicatorCode;

    @Column(name = "org_unit_code", nullable = false)
    public String orgUnitCode;

    @Column(name = "org_unit_path", nullable = false)
    public String orgUnitPath;

    @Column(name = "period_id", nullable = false)
    public String periodId;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(nullable = false)
    public BigDecimal value;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(nullable = false)
    public int version;

    @Column(name = "parent_target_id")
    public UUID parentTargetId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
