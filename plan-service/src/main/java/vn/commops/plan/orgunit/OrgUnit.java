package vn.commops.plan.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A unit's latest known state; {@link OrgUnitVersion} keeps every earlier one for "as of" queries. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Stable across renames and moves; what every other service refers to. */
    @Column(nullable = false, updatable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String searchName;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "level_code")
    public OrgLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public OrgUnit parent;

    @Column(nullable = false, unique = true)
    public String path;

    @Column(nullable = false)
    public LocalDate validFrom;

    /** The last day the unit exists; null while it is open. */
    public LocalDate validTo;

    /** The unit that took this one over when it was merged or closed into another. */
    public String successorCode;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Stamped by the database on every write (V12): where the row stands in the change feed. */
    @Column(insertable = false, updatable = false)
    public long writeXid;

    @Column(insertable = false, updatable = false)
    public long changeSeq;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime changedAt;

    @Version
    public int version;

    public static Optional<OrgUnit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static String childPath(String parentPath, String code) {
        return (parentPath == null ? "/" : parentPath) + code + "/";
    }

    /** The unit and everything below it, parents before children. */
    static List<OrgUnit> subtree(String path) {
        return OrgUnit.<OrgUnit>list("path like ?1 order by length(path), path", path + "%");
    }

    List<OrgUnit> openChildren(LocalDate day) {
        return OrgUnit.<OrgUnit>list("parent = ?1 and (validTo is null or validTo >= ?2) order by code", this, day);
    }

    /** Whether the unit still exists on that day: a closure dated later leaves it open until then. */
    public boolean isOpenOn(LocalDate day) {
        return validTo == null || !validTo.isBefore(day);
    }

    /** Open today in the agency's zone (see {@link OrgUnitConfig#zone()}, whose default this is). */
    public boolean isOpen() {
        return isOpenOn(LocalDate.now(AGENCY_ZONE));
    }

    String parentCode() {
        return parent == null ? null : parent.code;
    }
}
