package vn.commops.plan.form;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A form of communication activities are reported in, with the figures it must report to count. */
@Entity
@Table(name = "communication_form")
public class CommunicationForm extends PanacheEntityBase {

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChannelFamily channel;

    @Column(nullable = false)
    public String nameVi;

    @Column(nullable = false)
    public String nameEn;

    /** Alternatives: an activity of this form reports at least one of these figures. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public String[] requiredFigures;

    /** Refused for new activities, campaigns and assignments; what already uses it stays valid. */
    @Column(nullable = false)
    public boolean retired;

    @Column(nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
