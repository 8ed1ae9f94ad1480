package vn.commops.plan.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recipient's address, personal data kept in its own table: read by the sender, never published. */
@Entity
@Table(name = "notification_recipient_email")
public class RecipientEmail extends PanacheEntityBase {

    @Id
    public String username;

    @Column(nullable = false)
    public String email;

    @Override
    public String toString() {
        return "RecipientEmail[" + username + "]";
    }
}
