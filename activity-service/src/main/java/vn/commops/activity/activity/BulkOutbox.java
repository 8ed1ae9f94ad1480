package vn.commops.activity.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.commops.common.event.EventsConfig;
import vn.commops.common.event.OutboxBatch;
import vn.commops.common.event.OutboxRelay;

/**
 * Writes many events to the outbox as one row ({@link OutboxBatch}), each with exactly the envelope
 * {@code EventPublisher} builds ({@code EventEnvelope}: id, type, source, time, subject,
 * schemaVersion, data). The relay sends them as one Kafka message each, in order.
 */
@ApplicationScoped
public class BulkOutbox {

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;
    private final EventsConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String source;

    BulkOutbox(DataSource dataSource, ObjectMapper objectMapper, EventsConfig config,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String source) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.config = config;
        this.transactions = transactions;
        this.relay = relay;
        this.source = source;
    }

    public record Pending(String type, String subject, Object data) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String topic, List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // The envelope EventPublisher writes, field for field, but with the payload serialised once
        // rather than through a tree: at 10,000 events a batch the tree is most of the cost.
        String head = ",\"source\":" + json(source) + ",\"time\":" + json(now) + ",\"subject\":";
        OutboxBatch batch = new OutboxBatch(events.size());
        for (Pending event : events) {
            batch.add(event.subject(), "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":" + json(event.type()) + head
                    + json(event.subject()) + ",\"schemaVersion\":1,\"data\":" + json(event.data()) + "}");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement row = connection.prepareStatement(
                        "insert into outbox_event (topic, events, event_count, created_at) values (?, ?, ?, ?)")) {
            row.setString(1, config.topic(topic));
            row.setString(2, batch.text());
            row.setInt(3, batch.count());
            row.setObject(4, now);
            row.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + events.size() + " events to the outbox", e);
        }
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

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event cannot be serialised", e);
        }
    }
}
