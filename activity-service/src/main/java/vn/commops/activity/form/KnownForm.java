package vn.commops.activity.form;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A replica of a form of communication owned by plan-service, kept by {@link FormReplica}. */
@Entity
@Table(name = "communication_form_replica")
public class KnownForm extends PanacheEntityBase {

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChannelFamily channel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public String[] requiredFigures;

    @Column(nullable = false)
    public boolean retired;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;
}
