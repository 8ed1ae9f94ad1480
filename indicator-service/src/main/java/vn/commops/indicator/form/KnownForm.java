package vn.commops.indicator.form;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A replica of a form of communication owned by plan-service, kept by {@link FormReplica}: the forms the
 * {@code activities} events may carry, so a formula's {@code [FORM]} filter can be checked when it is saved.
 */
@Entity
@Table(name = "communication_form_replica")
public class KnownForm extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String channel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public String[] requiredFigures;

    /** Still known: activities reported before it was retired keep counting under it. */
    @Column(nullable = false)
    public boolean retired;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    /** Whether activities may carry this form, retired or not. */
    public static boolean isKnown(String code) {
        return code != null && findById(code) != null;
    }
}
