package vn.commops.plan.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person who receives notifications: by the username of their token, for one org unit. */
@Entity
@Table(name = "notification_recipient")
public class NotificationRecipient extends PanacheEntityBase {

    @Id
    public String username;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String orgUnitCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public String[] kinds;

    @Column(nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
