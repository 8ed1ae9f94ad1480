package vn.commops.plan.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reorganisation request: what, from when, by whom and why, and whether it has taken effect. */
@Entity
@Table(name = "org_unit_reorganisation")
public class ReorganisationRecord extends PanacheEntityBase {

    @Schema(name = "OrgUnitReorganisationKind")
    public enum Kind { UPDATE, MOVE, MERGE, SPLIT, CLOSE }

    @Schema(name = "OrgUnitReorganisationStatus")
    public enum Status { PENDING, APPLIED, CANCELLED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    /** '/YB/LC/': every unit the change touches. */
    @Column(nullable = false, updatable = false)
    public String unitCodes;

    /** The units whose parent's managers may make or cancel the change. */
    @Column(nullable = false, updatable = false)
    public String subjectCodes;

    /** The request as JSON, applied as it was made when its day comes. */
    @Column(nullable = false, updatable = false)
    public String request;

    @Column(nullable = false, updatable = false)
    public LocalDate effectiveDate;

    @Column(updatable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false, updatable = false)
    public String requestedBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime requestedAt;

    /** Who applied (the requester, or the job for a scheduled change), cancelled or failed it. */
    public String settledBy;

    public OffsetDateTime settledAt;

    /** Why it was cancelled, or why it could not apply. */
    public String settleNote;

    @Version
    public int version;

    static String codes(Collection<String> codes) {
        return "/" + String.join("/", codes) + "/";
    }

    List<String> subjectCodeList() {
        return codes(subjectCodes);
    }

    List<String> unitCodeList() {
        return codes(unitCodes);
    }

    private static List<String> codes(String slashed) {
        return Arrays.stream(slashed.split("/")).filter(code -> !code.isEmpty()).toList();
    }

    /** HQL condition: the change touches the unit named by the parameter {@code needle} ('/CODE/'). */
    static final String TOUCHES = "locate(:needle, unitCodes) > 0";

    static String needle(String code) {
        return "/" + code + "/";
    }
}
