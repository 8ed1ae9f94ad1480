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
import java.util.Optional;

@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Stable across renames and moves; what every other service refers to. */
    @Column(nullable = false, updatable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "level_code")
    public OrgLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public OrgUnit parent;

    @Column(nullable = false, unique = true)
    public String path;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    public static Optional<OrgUnit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static String childPath(String parentPath, String code) {
        return (parentPath == null ? "/" : parentPath) + code + "/";
    }
}
