package vn.commops.indicator.dataelement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A quantity formulas are written over: one an activity carries, or a statistic reported per unit and period. */
@Entity
@Table(name = "data_element")
public class DataElement extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DataElementKind kind;

    public String description;

    @Column(nullable = false)
    public OffsetDateTime createdAt;
}
