package vn.commops.activity.bulk;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.commops.common.event.EventsConfig;
import vn.commops.common.event.OutboxBatch;
import vn.commops.common.event.OutboxRelay;
import vn.commops.common.event.TraceParent;

/**
 * Writes many events to the outbox as one row ({@link OutboxBatch}, compressed), each with exactly
 * the envelope {@code EventPublisher} builds ({@code EventEnvelope}: id, type, source, time,
 * subject, schemaVersion, data). The relay sends them as one Kafka message each, in order.
 */
@ApplicationScoped
public class BulkOutbox {

    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString SUBJECT = new SerializedString("subject");
    private static final SerializedString SCHEMA_VERSION = new SerializedString("schemaVersion");
    private static final SerializedString DATA = new SerializedString("data");

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
        OutboxBatch.Compressed batch = envelopes(events, now).compressed();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement row = connection.prepareStatement(
                        "insert into outbox_event (topic, events_lz4, event_count, created_at, traceparent) "
                                + "values (?, ?, ?, ?, ?)")) {
            row.setString(1, config.topic(topic));
            row.setBinaryStream(2, batch.bytes(), batch.length());
            row.setInt(3, events.size());
            row.setObject(4, now);
            // One request wrote the whole batch: each of its events continues that request's trace.
            row.setString(5, TraceParent.current());
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

    /**
     * The envelope EventPublisher writes, field for field, but streamed by one generator into the
     * batch's bytes rather than built as a tree and a String per event: at 10,000 events a batch
     * those were most of the cost.
     */
    private OutboxBatch envelopes(List<Pending> events, OffsetDateTime now) {
        OutboxBatch batch = new OutboxBatch();
        String time = json(now);
        // One serializer provider for the batch, and each payload type's serializer found once in it: an
        // ObjectWriter makes a provider and looks the serializer up again for every value it writes.
        SerializerProvider provider = objectMapper.getSerializerProviderInstance();
        Class<?> dataType = null;
        JsonSerializer<Object> data = null;
        try (JsonGenerator envelope = objectMapper.getFactory().createGenerator(batch.envelopes(), JsonEncoding.UTF8)) {
            // events are separated by the batch's own line and key, not by the generator's space
            envelope.setRootValueSeparator(null);
            for (Pending event : events) {
                envelope.flush();
                batch.startEvent(event.subject());
                envelope.writeStartObject();
                envelope.writeFieldName(ID);
                envelope.writeString(TimeOrderedIds.next().toString());
                envelope.writeFieldName(TYPE);
                envelope.writeString(event.type());
                envelope.writeFieldName(SOURCE);
                envelope.writeString(source);
                envelope.writeFieldName(TIME);
                envelope.writeRawValue(time);
                envelope.writeFieldName(SUBJECT);
                envelope.writeString(event.subject());
                envelope.writeFieldName(SCHEMA_VERSION);
                envelope.writeNumber(1);
                envelope.writeFieldName(DATA);
                if (event.data().getClass() != dataType) {
                    dataType = event.data().getClass();
                    data = provider.findTypedValueSerializer(dataType, true, null);
                }
                data.serialize(event.data(), envelope, provider);
                envelope.writeEndObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException("An event cannot be serialised", e);
        }
        return batch;
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event cannot be serialised", e);
        }
    }
}
