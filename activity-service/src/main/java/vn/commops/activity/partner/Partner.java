package vn.commops.activity.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A partner organisation (post office, labour federation, cultural centre…) and what it may report on. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    /** A slug the partner's tokens carry as {@code partner_id}, e.g. {@code post-office-lc}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    /** Subtree roots the partner may report for. */
    @Column(nullable = false)
    public String[] orgUnits;

    /** Forms (ActivityForm names) the partner may report. */
    @Column(nullable = false)
    public String[] forms;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
