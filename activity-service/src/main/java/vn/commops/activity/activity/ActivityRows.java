package vn.commops.activity.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Activity rows written in bulk with plain JDBC: one statement per batch, each column sent as one
 * array and unnested by PostgreSQL, so 10,000 records cost one round trip, not 10,000 ORM inserts.
 * The columns mirror {@link Activity}.
 */
@ApplicationScoped
public class ActivityRows {

    /** Below this, one INSERT statement costs less than a savepoint and a COPY. */
    private static final int COPY_FROM_ROWS = 50;
    private static final String UNIQUE_VIOLATION = "23505";

    private record Column(String name, String cast, Function<Activity, Object> value) {
    }

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;
    private final List<Column> columns;
    private final String insert;
    private final String update;
    private final String copyInto;

    ActivityRows(DataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.columns = List.of(
                new Column("id", "uuid", a -> a.id),
                new Column("org_unit_code", "text", a -> a.orgUnitCode),
                new Column("form", "text", a -> a.form),
                new Column("title", "text", a -> a.title),
                new Column("place", "text", a -> a.place),
                new Column("latitude", "float8", a -> a.latitude),
                new Column("longitude", "float8", a -> a.longitude),
                new Column("started_at", "timestamptz", a -> a.startedAt),
                new Column("ended_at", "timestamptz", a -> a.endedAt),
                new Column("campaign_id", "uuid", a -> a.campaignId),
                new Column("assignment_id", "uuid", a -> a.assignmentId),
                new Column("attendance", "int4", a -> a.attendance),
                new Column("reach", "int8", a -> a.reach),
                new Column("plays", "int8", a -> a.plays),
                new Column("interactions", "int8", a -> a.interactions),
                new Column("quantity", "int4", a -> a.quantity),
                new Column("quantity_unit", "text", a -> a.quantityUnit),
                new Column("duration_minutes", "int4", a -> a.durationMinutes),
                new Column("link", "text", a -> a.link),
                new Column("new_social_insurance", "int4", a -> a.newSocialInsurance),
                new Column("new_health_insurance", "int4", a -> a.newHealthInsurance),
                new Column("app_installs", "int4", a -> a.appInstalls),
                new Column("non_cash_conversions", "int4", a -> a.nonCashConversions),
                new Column("books_and_cards_donated", "int4", a -> a.booksAndCardsDonated),
                new Column("cost_vnd", "int8", a -> a.costVnd),
                new Column("communicator_ids", "jsonb", a -> json(a.communicatorIds)),
                new Column("evidence", "jsonb", a -> json(a.evidence)),
                new Column("partner_id", "text", a -> a.partnerId),
                new Column("reporter", "text", a -> a.reporter),
                new Column("external_id", "text", a -> a.externalId),
                new Column("client_id", "uuid", a -> a.clientId),
                new Column("content_hash", "text", a -> a.contentHash),
                new Column("idempotency_key", "text", a -> a.idempotencyKey),
                new Column("revision", "int4", a -> a.revision),
                new Column("verification_status", "text", a -> a.verificationStatus),
                new Column("withdrawn", "bool", a -> a.withdrawn),
                new Column("last_change", "text", a -> a.lastChange),
                new Column("change_reason", "text", a -> a.changeReason),
                new Column("changed_by", "text", a -> a.changedBy),
                new Column("created_at", "timestamptz", a -> a.createdAt),
                new Column("updated_at", "timestamptz", a -> a.updatedAt),
                new Column("version", "int4", a -> a.version));
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.copyInto = "copy activity (" + names + ") from stdin";
        String casts = columns.stream().map(c -> "u." + c.name() + "::" + c.cast()).collect(Collectors.joining(", "));
        String arrays = columns.stream().map(c -> "?::text[]").collect(Collectors.joining(", "));
        this.insert = "insert into activity (" + names + ", change_seq) select " + casts
                + ", nextval('activity_change_seq') from unnest(" + arrays + ") as u(" + names + ") "
                + "on conflict do nothing returning id";
        String sets = columns.stream().filter(c -> !Set.of("id", "partner_id", "reporter", "external_id", "client_id",
                "idempotency_key", "created_at").contains(c.name()))
                .map(c -> c.name() + " = u." + c.name() + "::" + c.cast()).collect(Collectors.joining(", "));
        this.update = "update activity a set " + sets + ", change_seq = nextval('activity_change_seq') from unnest("
                + arrays + ") as u(" + names + ") where a.id = u.id::uuid and a.version = u.version::int4 - 1";
    }

    /**
     * Inserts the rows no unique key already holds; returns the ids actually inserted. A batch goes
     * in by COPY, a third of the database's work of the set-based INSERT; the lookup before the
     * write found none of these identities stored, so COPY fails only when a concurrent request
     * stored one in between, and then the batch goes in again by the INSERT that skips taken keys.
     */
    public Set<UUID> insert(List<Activity> activities) {
        if (activities.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (activities.size() >= COPY_FROM_ROWS) {
                Savepoint beforeCopy = connection.setSavepoint();
                try {
                    copy(connection, activities);
                    connection.releaseSavepoint(beforeCopy);
                    return activities.stream().map(a -> a.id).collect(Collectors.toSet());
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    connection.rollback(beforeCopy);
                }
            }
            return insertSkippingTaken(connection, activities);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert " + activities.size() + " activities", e);
        }
    }

    private void copy(Connection connection, List<Activity> activities) throws SQLException {
        try (CopyStream rows = CopyStream.open(connection, copyInto)) {
            for (Activity activity : activities) {
                for (Column column : columns) {
                    rows.value(column.value().apply(activity));
                }
                rows.endRow();
            }
            rows.finish();
        }
    }

    private Set<UUID> insertSkippingTaken(Connection connection, List<Activity> activities) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            bind(connection, statement, activities);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    /**
     * Replaces the current revision of each activity, keeping the superseded row in the revision
     * history; a row changed since it was read (version moved) is left alone and its id not returned.
     */
    public Set<UUID> replace(List<Activity> activities) {
        if (activities.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = activities.stream().map(a -> a.id).toArray(UUID[]::new);
        try (Connection connection = dataSource.getConnection()) {
            snapshot(connection, ids);
            try (PreparedStatement statement = connection.prepareStatement(update + " returning a.id")) {
                bind(connection, statement, activities);
                Set<UUID> replaced = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        replaced.add(rows.getObject(1, UUID.class));
                    }
                }
                return replaced;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot correct " + activities.size() + " activities", e);
        }
    }

    /** Keeps the current rows of these activities as superseded revisions, before they change. */
    public void snapshot(UUID... ids) {
        try (Connection connection = dataSource.getConnection()) {
            snapshot(connection, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep the revisions of " + ids.length + " activities", e);
        }
    }

    private static void snapshot(Connection connection, UUID[] ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into activity_revision (activity_id, revision, snapshot)
                select a.id, a.revision, to_jsonb(a) from activity a where a.id = any(?)
                on conflict do nothing""")) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            statement.executeUpdate();
        }
    }

    private void bind(Connection connection, PreparedStatement statement, List<Activity> activities)
            throws SQLException {
        int n = activities.size();
        for (int c = 0; c < columns.size(); c++) {
            Function<Activity, Object> value = columns.get(c).value();
            String[] texts = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = value.apply(activities.get(i));
                texts[i] = v == null ? null : v.toString();
            }
            Array array = connection.createArrayOf("text", texts);
            statement.setArray(c + 1, array);
        }
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
