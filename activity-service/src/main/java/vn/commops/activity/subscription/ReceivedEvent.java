package vn.commops.activity.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An event kept as it came off Kafka, for the deliveries, retries and replays of the retention period. */
@Entity
@Table(name = "webhook_event")
public class ReceivedEvent extends PanacheEntityBase {

    @Id
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String type;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime eventTime;

    /** The path of the unit it is about, or null. */
    @Column(updatable = false)
    public String orgUnitPath;

    /** The envelope exactly as received: the body that is signed and sent. */
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime receivedAt;
}
