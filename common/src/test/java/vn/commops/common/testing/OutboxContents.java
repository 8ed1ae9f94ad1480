package vn.commops.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import vn.commops.common.event.OutboxBatch;

/**
 * Every event in a service's outbox, as its envelope, whichever way it was written: one row an
 * event, a text batch or a compressed one (which SQL cannot open, so the view outbox_envelope
 * leaves it out).
 */
public final class OutboxContents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event as stored: its outbox row, Kafka key and envelope. */
    public record Stored(long row, String key, JsonNode envelope, boolean published) {
    }

    private OutboxContents() {
    }

    public static List<Stored> events(DataSource dataSource) {
        return events(dataSource, event -> true);
    }

    public static List<Stored> events(DataSource dataSource, Predicate<Stored> wanted) {
        List<Stored> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement rows = connection.prepareStatement("select id, message_key, cast(payload as text), "
                        + "events, events_lz4, published_at is not null from outbox_event order by id");
                ResultSet row = rows.executeQuery()) {
            while (row.next()) {
                long id = row.getLong(1);
                boolean published = row.getBoolean(6);
                if (row.getString(3) != null) {
                    add(events, wanted, new Stored(id, row.getString(2), read(row.getBytes(3)), published));
                } else if (row.getBytes(5) != null) {
                    OutboxBatch.forEachCompressed(row.getBytes(5), (key, envelope) ->
                            add(events, wanted, new Stored(id, new String(key, StandardCharsets.UTF_8),
                                    read(envelope), published)));
                } else {
                    OutboxBatch.forEach(row.getBytes(4), (key, envelope) ->
                            add(events, wanted, new Stored(id, new String(key, StandardCharsets.UTF_8),
                                    read(envelope), published)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox", e);
        }
        return events;
    }

    /** The events whose payload names this org unit. */
    public static long countForUnit(DataSource dataSource, String orgUnitCode) {
        return events(dataSource, e -> orgUnitCode.equals(e.envelope().path("data").path("orgUnitCode").asText()))
                .size();
    }

    private static void add(List<Stored> events, Predicate<Stored> wanted, Stored event) {
        if (wanted.test(event)) {
            events.add(event);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
