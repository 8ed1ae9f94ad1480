package vn.commops.indicator.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** value = factor × numerator / denominator, each a formula over data elements (see ExpressionParser). */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String numerator;

    public String denominator;

    @Column(nullable = false)
    public BigDecimal factor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AggregationType aggregationType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PeriodType periodType;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;
}
