package vn.commops.plan.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A time a crisis analyst is on duty and is told of the signals raised in it. */
@Entity
@Table(name = "notification_duty_window")
public class DutyWindow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String username;

    @Column(nullable = false)
    public OffsetDateTime startsAt;

    @Column(nullable = false)
    public OffsetDateTime endsAt;
}
