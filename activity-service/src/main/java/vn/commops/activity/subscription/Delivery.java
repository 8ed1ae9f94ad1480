package vn.commops.activity.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event on its way to one subscription (or once more, for a replay), with its attempts so far. */
@Entity
@Table(name = "webhook_delivery")
public class Delivery extends PanacheEntityBase {

    @Schema(name = "DeliveryStatus")
    public enum Status {
        /** Waiting for its first or next attempt. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Every attempt failed; waits for a redrive or a replay. */
        DEAD_LETTERED,
        /** Its subscription was disabled before it went out. */
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID subscriptionId;

    @Column(nullable = false, updatable = false)
    public UUID eventId;

    @Column(updatable = false)
    public UUID replayId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public int attempts;

    @Column(nullable = false)
    public OffsetDateTime nextAttemptAt;

    public OffsetDateTime leaseUntil;

    public OffsetDateTime lastAttemptAt;

    public Integer lastStatusCode;

    public String lastError;

    public OffsetDateTime deliveredAt;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
