package vn.commops.common.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A replica of an org unit owned by plan-service, kept current by its events (see {@link OrgUnitReplicator}). */
@Entity
@Table(name = "org_unit_replica")
public class KnownOrgUnit extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String levelCode;

    /** '/VN/LC/LC-HOPHAI/': carried on activity events so roll-ups need no lookup. */
    @Column(nullable = false)
    public String path;

    public String parentCode;

    public LocalDate validFrom;

    public LocalDate validTo;

    /** The unit that took this one over when it was merged or closed into another. */
    public String successorCode;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;
}
