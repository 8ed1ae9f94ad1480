package vn.commops.activity.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.commops.common.event.OutboxRelay;
import vn.commops.common.testing.TopicProbe;

/**
 * The relay reads on from the highest id it has seen; an event whose transaction took a lower id
 * but committed later must still go out, soon, and not wait for the periodic sweep.
 */
@QuarkusTest
class OutboxLateCommitTest {

    private static final String TOPIC = "relay-probe";

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void anEventThatCommitsAfterALaterOneIsRelayedToo() throws SQLException {
        String late = "late-" + UUID.randomUUID();
        String early = "early-" + UUID.randomUUID();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            enqueue(slow, late); // takes the lower id and holds it uncommitted
            try (Connection quick = dataSource.getConnection()) {
                enqueue(quick, early);
            }
            relay.relayPending();
            TopicProbe.awaitEvent(TOPIC, "probe.sent", early);
            assertEquals(0, published(late), "not committed yet, so not sent");
            slow.commit();
        }
        relay.relayPending();
        TopicProbe.awaitEvent(TOPIC, "probe.sent", late);
        assertEquals(1, published(late));
        assertEquals(1, published(early));
    }

    private static void enqueue(Connection connection, String subject) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (event_id, event_type, topic, message_key, payload, created_at)
                values (?, 'probe.sent', ?, ?, cast(? as jsonb), now())""")) {
            UUID id = UUID.randomUUID();
            insert.setObject(1, id);
            insert.setString(2, TopicProbe.topic(TOPIC));
            insert.setString(3, subject);
            insert.setString(4, "{\"id\":\"" + id + "\",\"type\":\"probe.sent\",\"source\":\"activity-service\","
                    + "\"subject\":\"" + subject + "\",\"schemaVersion\":1,\"data\":{}}");
            insert.executeUpdate();
        }
    }

    private int published(String subject) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from outbox_event where message_key = ? and published_at is not null")) {
            query.setString(1, subject);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
