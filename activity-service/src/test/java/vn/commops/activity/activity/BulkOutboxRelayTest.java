package vn.commops.activity.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.commops.common.event.OutboxRelay;
import vn.commops.common.testing.TopicProbe;

/** A bulk write's events share one outbox row, and still reach Kafka as one message each, keyed by subject. */
@QuarkusTest
class BulkOutboxRelayTest {

    private static final String TOPIC = "bulk-relay-probe";

    @Inject
    BulkOutbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Test
    void oneRowOfThreeEventsGoesOutAsThreeMessages() throws SQLException {
        String run = UUID.randomUUID().toString();
        List<String> subjects = List.of(run + "-a", run + "-b", run + "-c");
        QuarkusTransaction.requiringNew().run(() -> outbox.write(TOPIC, subjects.stream()
                .map(subject -> new BulkOutbox.Pending("probe.bulk", subject, Map.of("title", "Hội nghị " + subject)))
                .toList()));

        assertEquals(List.of(1L, 3L), query("select count(*), sum(event_count) from outbox_event where events like ?",
                "%" + run + "%"));
        relay.relayPending();
        for (String subject : subjects) {
            TopicProbe.Received message = TopicProbe.awaitMessage(TOPIC,
                    m -> subject.equals(m.key()), Duration.ofSeconds(20));
            assertEquals(List.of("id", "type", "source", "time", "subject", "schemaVersion", "data"),
                    java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(
                            message.value().fieldNames(), 0), false).toList(),
                    "the envelope EventPublisher writes, field for field");
            assertEquals("probe.bulk", message.value().path("type").asText());
            assertEquals(subject, message.value().path("subject").asText());
            assertEquals("Hội nghị " + subject, message.value().path("data").path("title").asText());
        }
        assertEquals(List.of(3L, 3L), query("select count(*), count(published_at) from outbox_envelope "
                + "where message_key like ?", run + "%"));
    }

    private List<Long> query(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return List.of(rows.getLong(1), rows.getLong(2));
            }
        }
    }
}
