package vn.commops.activity.bulk;

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
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.commops.common.event.OutboxRelay;
import vn.commops.common.testing.OutboxContents;
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

        List<OutboxContents.Stored> stored = OutboxContents.events(dataSource, e -> e.key().startsWith(run));
        assertEquals(3, stored.size());
        assertEquals(1, stored.stream().map(OutboxContents.Stored::row).distinct().count(), "one outbox row");
        assertEquals(List.of(3L, 1L), query("select event_count, count(*) from outbox_batch where id = ? group by 1",
                stored.get(0).row()));
        relay.relayPending();
        for (String subject : subjects) {
            TopicProbe.Received message = TopicProbe.awaitMessage(TOPIC,
                    m -> subject.equals(m.key()), Duration.ofSeconds(20));
            assertEquals(List.of("id", "type", "source", "time", "subject", "schemaVersion", "data"),
                    StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                            message.value().fieldNames(), 0), false).toList(),
                    "the envelope EventPublisher writes, field for field");
            assertEquals("probe.bulk", message.value().path("type").asText());
            assertEquals(subject, message.value().path("subject").asText());
            assertEquals("Hội nghị " + subject, message.value().path("data").path("title").asText());
        }
        assertEquals(3, OutboxContents.events(dataSource, e -> e.key().startsWith(run) && e.published()).size(),
                "all marked published");
    }

    private List<Long> query(String sql, long parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return List.of(rows.getLong(1), rows.getLong(2));
            }
        }
    }
}
