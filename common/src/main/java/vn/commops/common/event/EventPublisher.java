package vn.commops.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events to the outbox in the caller's transaction, so that a state change and its event are
 * committed together or not at all. Nothing is sent to Kafka here: {@link OutboxRelay} does that
 * after the commit.
 */
@ApplicationScoped
public class EventPublisher {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final EventsConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String source;

    EventPublisher(EntityManager entityManager, ObjectMapper objectMapper, EventsConfig config,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String source) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.transactions = transactions;
        this.relay = relay;
        this.source = source;
    }

    /**
     * @param topic   the topic's name without the configured prefix, e.g. {@code activities}
     * @param type    the event type, e.g. {@code activity.recorded}
     * @param subject the aggregate id, used as the Kafka key
     * @param data    the payload, serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String type, String subject, Object data) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, source,
                OffsetDateTime.now(ZoneOffset.UTC), subject, 1, objectMapper.valueToTree(data));
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.id();
        message.eventType = type;
        message.topic = config.topic(topic);
        message.messageKey = subject;
        message.payload = toJson(envelope);
        message.createdAt = envelope.time();
        message.traceparent = TraceParent.current();
        entityManager.persist(message);
        wakeRelayAfterCommit();
        return envelope;
    }

    private void wakeRelayAfterCommit() {
        // The scheduled relay would find the row anyway; waking it on commit cuts event latency to milliseconds.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + envelope.type() + " cannot be serialised", e);
        }
    }
}
