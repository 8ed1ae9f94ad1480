package vn.commops.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

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
        entityManager.persist(message);
        wakeRelayAfterCommit();
        return envelope;
    }

    /** One event of a batch: its aggregate id (the Kafka key) and its payload. */
    public record Pending(String subject, Object data) {
    }

    /**
     * Writes a whole batch of events of one type to the outbox in a single statement, for bulk paths
     * where one insert per event would cost more than the business rows themselves.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(String topic, String type, List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        UUID[] ids = new UUID[events.size()];
        String[] keys = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            Pending event = events.get(i);
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, source, now, event.subject(), 1,
                    objectMapper.valueToTree(event.data()));
            envelopes.add(envelope);
            ids[i] = envelope.id();
            keys[i] = event.subject();
            payloads[i] = toJson(envelope);
        }
        String fullTopic = config.topic(topic);
        entityManager.unwrap(Session.class).doWork(connection -> insertAll(connection, fullTopic, type, now, ids,
                keys, payloads));
        wakeRelayAfterCommit();
        return envelopes;
    }

    private static void insertAll(Connection connection, String topic, String type, OffsetDateTime now, UUID[] ids,
            String[] keys, String[] payloads) throws SQLException {
        // unnest keeps it one round trip and one statement, whatever the batch size.
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (event_id, event_type, topic, message_key, payload, created_at)
                select id, ?, ?, key, payload::jsonb, ?
                from unnest(?::uuid[], ?::text[], ?::text[]) with ordinality as e(id, key, payload, position)
                order by position""")) {
            insert.setString(1, type);
            insert.setString(2, topic);
            insert.setObject(3, now);
            insert.setArray(4, connection.createArrayOf("uuid", ids));
            insert.setArray(5, connection.createArrayOf("text", keys));
            insert.setArray(6, connection.createArrayOf("text", payloads));
            insert.executeUpdate();
        }
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
