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

    @Column(nullable = false)
    public String indicatorCode;

    @Column(nullable = false)
    public String orgUnitCode;

    @Column(nullable = false)
    public String orgUnitPath;

    @Column(nullable = false)
    public String periodId;

    @Column(nullable = false)
    public LocalDate periodStart;

    @Column(nullable = false)
    public LocalDate periodEnd;

    @Column(nullable = false)
    public BigDecimal value;

    @Column(nullable = false)
    public LocalDate effectiveFrom;

    @Column(nullable = false)
    public int version;

    public UUID parentTargetId;

    @Column(nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public OffsetDateTime createdAt;
}
