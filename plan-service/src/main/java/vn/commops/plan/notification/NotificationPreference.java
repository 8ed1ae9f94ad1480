package vn.commops.plan.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a person chose for themselves: email on or off, and the kinds they do not want. */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends PanacheEntityBase {

    @Id
    public String username;

    @Column(nullable = false)
    public boolean emailEnabled = true;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public String[] mutedKinds = new String[0];

    @Version
    public int version;

    boolean wants(NotificationKind kind) {
        return emailEnabled && Arrays.stream(mutedKinds).noneMatch(kind.name()::equals);
    }
}
