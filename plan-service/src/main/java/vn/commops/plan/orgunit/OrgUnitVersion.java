package vn.commops.plan.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** One state of a unit, in force from {@code effectiveFrom} until the day before {@code effectiveTo}. */
@Entity
@Table(name = "org_unit_version")
public class OrgUnitVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String searchName;

    @Column(nullable = false)
    public String levelCode;

    public String parentCode;

    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public LocalDate validFrom;

    public LocalDate validTo;

    public String successorCode;

    /** Why this state began: created, updated, moved, merged, split, closed. */
    @Column(nullable = false)
    public String change;

    @Column(nullable = false)
    public LocalDate effectiveFrom;

    public LocalDate effectiveTo;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;

    /** Who made the change; null for versions recorded before actors were. */
    public String recordedBy;

    public String reason;

    public Long reorganisationId;

    /** Every version of the unit, oldest first. */
    static java.util.List<OrgUnitVersion> of(String code) {
        return list("code = ?1 order by effectiveFrom, id", code);
    }

    static Optional<OrgUnitVersion> current(String code) {
        return find("code = ?1 and effectiveTo is null", code).firstResultOptional();
    }

    /** The state in force on that date, if the unit existed then. */
    static Optional<OrgUnitVersion> asOf(String code, LocalDate date) {
        return find("code = :code and " + IN_FORCE,
                io.quarkus.panache.common.Parameters.with("code", code).and("asOf", date)).firstResultOptional();
    }

    /** HQL condition on the named parameter {@code asOf}: the version holds then and the unit exists then. */
    static final String IN_FORCE = "effectiveFrom <= :asOf and (effectiveTo is null or effectiveTo > :asOf)"
            + " and validFrom <= :asOf and (validTo is null or validTo >= :asOf)";
}
