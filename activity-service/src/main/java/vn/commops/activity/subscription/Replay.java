package vn.commops.activity.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A request to send a subscription's events again from a point in time, and how many it queued. */
@Entity
@Table(name = "webhook_replay")
public class Replay extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID subscriptionId;

    @Column(name = "replay_from", nullable = false, updatable = false)
    public OffsetDateTime from;

    @Column(nullable = false, updatable = false)
    public String requestedBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime requestedAt;

    public int eventCount;
}
