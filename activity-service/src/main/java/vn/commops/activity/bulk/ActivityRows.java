package vn.commops.activity.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import vn.commops.activity.activity.Activity;

/**
 * Activity rows written in bulk with plain JDBC: a batch goes in by one binary COPY, or one statement
 * with each column sent as an array and unnested by PostgreSQL, so 10,000 records cost one round
 * trip, not 10,000 ORM inserts. The columns mirror {@link Activity} and the table (ActivityColumnsTest).
 */
@ApplicationScoped
public class ActivityRows {

    /** Below this, one INSERT statement costs less than a savepoint and a COPY. */
    static final int COPY_FROM_ROWS = 50;
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The columns PostgreSQL fills itself: change_seq from its sequence (named in the INSERT and UPDATE,
     * the column default on COPY), write_xid by default and trigger (V10). Every other column of the
     * table is one of {@link #columns}: ActivityColumnsTest holds the table and the entity to that.
     */
    static final Set<String> FILLED_BY_DATABASE = Set.of("change_seq", "write_xid");

    /** A column's PostgreSQL type, by its name for casts. */
    private enum Type {
        UUID("uuid"), TEXT("text"), INT4("int4"), INT8("int8"), FLOAT8("float8"), TIMESTAMPTZ("timestamptz"),
        BOOL("bool"), JSONB("jsonb");

        private final String cast;

        Type(String cast) {
            this.cast = cast;
        }
    }

    private record Column(String name, Type type, Function<Activity, Object> value) {
        String cast() {
            return type.cast;
        }
    }

    /**
     * The order a batch is copied in: by the unique (reporter, external_id) key, so that consecutive
     * rows descend to the same leaf of its index, and an office's rows, whose reporter is their
     * unit, to the same part of the (org_unit_code, started_at) index too. In arrival order, twenty
     * units' records interleaved and each went to another page than the one before: sorting a
     * batch made the benchmark's first pass a fifth faster or more (docs/performance.md).
     */
    private static final Comparator<Activity> COPY_ORDER = Comparator
            .comparing((Activity a) -> a.reporter, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(a -> a.externalId, Comparator.nullsLast(Comparator.naturalOrder()));

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
                new Column("id", Type.UUID, a -> a.id),
                new Column("org_unit_code", Type.TEXT, a -> a.orgUnitCode),
                new Column("form", Type.TEXT, a -> a.form),
                new Column("title", Type.TEXT, a -> a.title),
                new Column("place", Type.TEXT, a -> a.place),
                new Column("latitude", Type.FLOAT8, a -> a.latitude),
                new Column("longitude", Type.FLOAT8, a -> a.longitude),
                new Column("started_at", Type.TIMESTAMPTZ, a -> a.startedAt),
                new Column("ended_at", Type.TIMESTAMPTZ, a -> a.endedAt),
                new Column("campaign_id", Type.UUID, a -> a.campaignId),
                new Column("assignment_id", Type.UUID, a -> a.assignmentId),
                new Column("attendance", Type.INT4, a -> a.attendance),
                new Column("reach", Type.INT8, a -> a.reach),
                new Column("plays", Type.INT8, a -> a.plays),
                new Column("interactions", Type.INT8, a -> a.interactions),
                new Column("quantity", Type.INT4, a -> a.quantity),
                new Column("quantity_unit", Type.TEXT, a -> a.quantityUnit),
                new Column("duration_minutes", Type.INT4, a -> a.durationMinutes),
                new Column("link", Type.TEXT, a -> a.link),
                new Column("new_social_insurance", Type.INT4, a -> a.newSocialInsurance),
                new Column("new_health_insurance", Type.INT4, a -> a.newHealthInsurance),
                new Column("app_installs", Type.INT4, a -> a.appInstalls),
                new Column("non_cash_conversions", Type.INT4, a -> a.nonCashConversions),
                new Column("books_and_cards_donated", Type.INT4, a -> a.booksAndCardsDonated),
                new Column("cost_vnd", Type.INT8, a -> a.costVnd),
                new Column("communicator_ids", Type.JSONB, a -> json(a.communicatorIds)),
                new Column("evidence", Type.JSONB, a -> json(a.evidence)),
                new Column("breakdowns", Type.JSONB, a -> json(a.breakdowns)),
                new Column("partner_id", Type.TEXT, a -> a.partnerId),
                new Column("reporter", Type.TEXT, a -> a.reporter),
                new Column("reported_by", Type.TEXT, a -> a.reportedBy),
                new Column("own_unit_report", Type.BOOL, a -> a.ownUnitReport),
                new Column("external_id", Type.TEXT, a -> a.externalId),
                new Column("client_id", Type.UUID, a -> a.clientId),
                new Column("content_hash", Type.TEXT, a -> a.contentHash),
                new Column("idempotency_key", Type.TEXT, a -> a.idempotencyKey),
                new Column("revision", Type.INT4, a -> a.revision),
                new Column("verification_status", Type.TEXT, a -> a.verificationStatus),
                new Column("withdrawn", Type.BOOL, a -> a.withdrawn),
                new Column("last_change", Type.TEXT, a -> a.lastChange),
                new Column("change_reason", Type.TEXT, a -> a.changeReason),
                new Column("changed_by", Type.TEXT, a -> a.changedBy),
                new Column("created_at", Type.TIMESTAMPTZ, a -> a.createdAt),
                new Column("updated_at", Type.TIMESTAMPTZ, a -> a.updatedAt),
                new Column("version", Type.INT4, a -> a.version));
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.copyInto = "copy activity (" + names + ") from stdin (format binary)";
        String casts = columns.stream().map(c -> "u." + c.name() + "::" + c.cast()).collect(Collectors.joining(", "));
        String arrays = columns.stream().map(c -> "?::text[]").collect(Collectors.joining(", "));
        this.insert = "insert into activity (" + names + ", change_seq) select " + casts
                + ", nextval('activity_change_seq') from unnest(" + arrays + ") as u(" + names + ") "
                + "on conflict do nothing returning id";
        String sets = columns.stream().filter(c -> !Set.of("id", "partner_id", "reporter", "reported_by",
                "own_unit_report", "external_id", "client_id", "idempotency_key", "created_at").contains(c.name()))
                .map(c -> c.name() + " = u." + c.name() + "::" + c.cast()).collect(Collectors.joining(", "));
        this.update = "update activity a set " + sets + ", change_seq = nextval('activity_change_seq') from unnest("
                + arrays + ") as u(" + names + ") where a.id = u.id::uuid and a.version = u.version::int4 - 1";
    }

    /** The columns a bulk write sends, in the order it sends them. */
    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
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
            if (activities.size() >= COPY_FROM_ROWS && copied(connection, activities)) {
                return activities.stream().map(a -> a.id).collect(Collectors.toSet());
            }
            return insertSkippingTaken(connection, activities);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert " + activities.size() + " activities", e);
        }
    }

    /**
     * Inserts activities taken as new without a lookup, by one COPY (one row by the INSERT that
     * skips taken keys): true when all went in; false, with nothing written, when a unique key
     * refused one (its identity was stored after all, or a concurrent request stored it first).
     */
    public boolean insertAllNew(List<Activity> activities) {
        if (activities.isEmpty()) {
            return true;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (activities.size() == 1) {
                // One row needs no savepoint: skipped on a taken key, it wrote nothing.
                return insertSkippingTaken(connection, activities).size() == 1;
            }
            return copied(connection, activities);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert " + activities.size() + " activities", e);
        }
    }

    /**
     * COPYs the rows behind a savepoint: true when all went in; false, with the savepoint rolled
     * back and the transaction usable again, when a unique key refused one. The savepoint is SQL
     * of its own because the pool refuses Connection.rollback(Savepoint) inside a JTA transaction.
     */
    private boolean copied(Connection connection, List<Activity> activities) throws SQLException {
        try (Statement savepoint = connection.createStatement()) {
            savepoint.execute("savepoint activity_copy");
            try {
                copy(connection, activities);
                savepoint.execute("release savepoint activity_copy");
                return true;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                savepoint.execute("rollback to savepoint activity_copy");
                return false;
            }
        }
    }

    private void copy(Connection connection, List<Activity> activities) throws SQLException {
        List<Activity> ordered = new ArrayList<>(activities);
        ordered.sort(COPY_ORDER);
        try (BinaryCopy rows = BinaryCopy.open(connection, copyInto)) {
            for (Activity activity : ordered) {
                rows.startRow(columns.size());
                copyRow(rows, activity);
            }
            rows.finish();
        }
    }

    /**
     * One row for COPY, column for column as {@link #columns} lists them (ActivityRowsTest holds a
     * copied row to the one the set-based INSERT writes from that list). Written out rather than
     * looped over the list: a call per column through forty-two different lambdas boxed every value
     * and dispatched through itable stubs, 2.6 % of the service's CPU on a bulk load.
     */
    private void copyRow(BinaryCopy row, Activity a) {
        row.uuid(a.id).text(a.orgUnitCode).text(a.form).text(a.title).text(a.place);
        float8(row, a.latitude);
        float8(row, a.longitude);
        row.timestamptz(a.startedAt).timestamptz(a.endedAt).uuid(a.campaignId).uuid(a.assignmentId);
        int4(row, a.attendance);
        int8(row, a.reach);
        int8(row, a.plays);
        int8(row, a.interactions);
        int4(row, a.quantity);
        row.text(a.quantityUnit);
        int4(row, a.durationMinutes);
        row.text(a.link);
        int4(row, a.newSocialInsurance);
        int4(row, a.newHealthInsurance);
        int4(row, a.appInstalls);
        int4(row, a.nonCashConversions);
        int4(row, a.booksAndCardsDonated);
        int8(row, a.costVnd);
        row.jsonb(json(a.communicatorIds)).jsonb(json(a.evidence)).jsonb(json(a.breakdowns)).text(a.partnerId)
                .text(a.reporter).text(a.reportedBy).bool(a.ownUnitReport).text(a.externalId).uuid(a.clientId)
                .text(a.contentHash).text(a.idempotencyKey);
        row.int4(a.revision).text(name(a.verificationStatus));
        row.bool(a.withdrawn);
        row.text(name(a.lastChange)).text(a.changeReason).text(a.changedBy).timestamptz(a.createdAt)
                .timestamptz(a.updatedAt);
        row.int4(a.version);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void int4(BinaryCopy row, Integer value) {
        if (value == null) {
            row.nullValue();
        } else {
            row.int4(value);
        }
    }

    private static void int8(BinaryCopy row, Long value) {
        if (value == null) {
            row.nullValue();
        } else {
            row.int8(value);
        }
    }

    private static void float8(BinaryCopy row, Double value) {
        if (value == null) {
            row.nullValue();
        } else {
            row.float8(value);
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
