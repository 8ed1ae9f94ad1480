package vn.commops.common.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event waiting in the service's own database to be relayed to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxMessage {

    /** Identity order is relay order, which keeps each aggregate's events in the order they were written. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String eventType;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(nullable = false, updatable = false)
    public String messageKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "json")
    public String payload;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    public OffsetDateTime publishedAt;

    /** The W3C trace context the event was written in ({@link TraceParent}); null outside a trace. */
    @Column(updatable = false)
    public String traceparent;
}
