package vn.commops.common.form;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A replica of a form of communication owned by plan-service, kept current by its events (see
 * {@link FormReplicator}): the forms activities may carry, and the figures each must report.
 */
@Entity
@Table(name = "communication_form_replica")
public class KnownForm extends PanacheEntityBase {

    @Id
    public String code;

    /** The channel family's name (VISUAL, DIRECT, MASS_MEDIA, INTERNET, COMMUNICATION_PRODUCT, DONATION). */
    @Column(nullable = false)
    public String channel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public String[] requiredFigures;

    /** Refused for new activities; those reported before keep it, and keep counting under it. */
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
