package vn.commops.activity.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.activity.Reporter;

/** Finds, in one query per batch, what is already stored under the identities a batch names. */
@ApplicationScoped
class ActivityMatches {

    /** What the writer needs of a stored activity to classify a record against it. */
    public record Stored(UUID id, String reporter, String externalId, UUID clientId, String idempotencyKey,
            String contentHash, int revision, int version, boolean withdrawn, String orgUnitCode, String path,
            OffsetDateTime createdAt, String partnerId) {
    }

    public record Unit(String path, LocalDate validTo) {
    }

    /** What an activity reported against an assignment must match (see {@link AssignmentMatch}). */
    public record Assignment(UUID id, String orgUnitCode, String form, LocalDate startDate, LocalDate dueDate) {
    }

    private static final String SELECT = "select a.id, a.reporter, a.external_id, a.client_id, a.idempotency_key, "
            + "a.content_hash, a.revision, a.version, a.withdrawn, a.org_unit_code, a.created_at, a.partner_id";

    private final DataSource dataSource;

    ActivityMatches(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, Unit> units(List<String> codes) {
        Map<String, Unit> units = new HashMap<>();
        if (codes.isEmpty()) {
            return units;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select code, path, valid_to from org_unit_replica where code = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", codes.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    units.put(rows.getString(1), new Unit(rows.getString(2), rows.getObject(3, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read org units", e);
        }
        return units;
    }

    /** The replicated assignments of these ids, in one query for a whole batch. */
    public Map<UUID, Assignment> assignments(Set<UUID> ids) {
        Map<UUID, Assignment> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select id, org_unit_code, form, start_date, "
                        + "due_date from assignment_replica where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    found.put(id, new Assignment(id, rows.getString(2), rows.getString(3),
                            rows.getObject(4, LocalDate.class), rows.getObject(5, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read assignments", e);
        }
        return found;
    }

    /** Which of these communicator ids are registered. */
    /**
     * The named communicators that exist, each with when it was deactivated (null while active): an
     * activity may name a deactivated communicator only if it took place before the deactivation.
     */
    public Map<UUID, OffsetDateTime> knownCommunicators(Set<UUID> ids) {
        Map<UUID, OffsetDateTime> known = new HashMap<>();
        if (ids.isEmpty()) {
            return known;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select id, deactivated_at from communicator where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    known.put(rows.getObject(1, UUID.class), rows.getObject(2, OffsetDateTime.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read communicators", e);
        }
        return known;
    }

    public Found find(Reporter reporter, List<ActivityWriter.Submitted> records) {
        Set<UUID> ids = new HashSet<>();
        Set<UUID> clientIds = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        List<String[]> scopedKeys = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ActivityWriter.Submitted record : records) {
            ActivityRequest request = record.request();
            if (record.targetId() != null) {
                ids.add(record.targetId());
            }
            if (request.clientId() != null) {
                clientIds.add(request.clientId());
            }
            if (request.externalId() != null && !request.externalId().isBlank()) {
                if (externalIds.add(reporter.scopeFor(request.orgUnitCode()) + "|" + request.externalId())) {
                    scopedKeys.add(new String[] {reporter.scopeFor(request.orgUnitCode()), request.externalId()});
                }
            }
            if (record.idempotencyKey() != null) {
                keys.add(record.idempotencyKey());
            }
        }
        Found found = new Found();
        // One index-driven query per kind of identity the batch uses; an OR of them all would scan the table.
        List<String> parts = new ArrayList<>();
        List<Object[]> arrays = new ArrayList<>();
        if (!ids.isEmpty()) {
            parts.add(SELECT + " from activity a where a.id = any(?::uuid[])");
            arrays.add(new Object[] {ids.toArray()});
        }
        if (!clientIds.isEmpty()) {
            parts.add(SELECT + " from activity a where a.client_id = any(?::uuid[])");
            arrays.add(new Object[] {clientIds.toArray()});
        }
        if (!externalIds.isEmpty()) {
            // One index probe per key, whatever the statistics say: as a plain join, a large batch on a
            // table that grew since it was last analysed was planned as a sort of the whole table.
            parts.add(SELECT + " from unnest(?::text[], ?::text[]) as k(reporter, external_id) cross join lateral "
                    + "(select * from activity x where x.reporter = k.reporter and x.external_id = k.external_id "
                    + "and x.external_id is not null limit 1) a");
            arrays.add(new Object[] {scopedKeys.stream().map(k -> k[0]).toArray(), scopedKeys.stream().map(k -> k[1]).toArray()});
        }
        if (!keys.isEmpty()) {
            parts.add(SELECT + " from activity a where a.idempotency_key = any(?::text[])");
            arrays.add(new Object[] {keys.toArray()});
        }
        if (parts.isEmpty()) {
            return found;
        }
        String sql = "select s.*, u.path from (" + String.join(" union ", parts)
                + ") s left join org_unit_replica u on u.code = s.org_unit_code";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (Object[] group : arrays) {
                for (Object values : group) {
                    Object[] array = (Object[]) values;
                    boolean uuids = array.length > 0 && array[0] instanceof UUID;
                    query.setArray(parameter++, connection.createArrayOf(uuids ? "uuid" : "text", array));
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(new Stored(rows.getObject("id", UUID.class), rows.getString("reporter"),
                            rows.getString("external_id"), rows.getObject("client_id", UUID.class),
                            rows.getString("idempotency_key"), rows.getString("content_hash"), rows.getInt("revision"),
                            rows.getInt("version"), rows.getBoolean("withdrawn"), rows.getString("org_unit_code"),
                            rows.getString("path"), rows.getObject("created_at", OffsetDateTime.class),
                            rows.getString("partner_id")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up stored activities", e);
        }
        return found;
    }

    /** Stored activities under every identity they carry, so matching a record is a map lookup. */
    public static final class Found {
        /** Nothing looked up: every record is taken as new, for the unique keys to check on insert. */
        static final Found NOT_LOOKED_UP = new Found();

        private final Map<UUID, Stored> byId = new HashMap<>();
        private final Map<UUID, Stored> byClientId = new HashMap<>();
        private final Map<String, Stored> byExternalId = new HashMap<>();
        private final Map<String, Stored> byKey = new HashMap<>();

        boolean isEmpty() {
            return byId.isEmpty();
        }

        void add(Stored stored) {
            byId.put(stored.id(), stored);
            if (stored.clientId() != null) {
                byClientId.put(stored.clientId(), stored);
            }
            if (stored.externalId() != null) {
                byExternalId.put(stored.reporter() + "|" + stored.externalId(), stored);
            }
            if (stored.idempotencyKey() != null) {
                byKey.put(stored.idempotencyKey(), stored);
            }
        }

        /** The stored activity a record names: by the id it corrects, its client id, its external id, its key. */
        public Stored match(ActivityWriter.Submitted record, String scope) {
            ActivityRequest request = record.request();
            if (record.targetId() != null) {
                return byId.get(record.targetId());
            }
            Stored stored = request.clientId() == null ? null : byClientId.get(request.clientId());
            if (stored == null && request.externalId() != null) {
                stored = byExternalId.get(scope + "|" + request.externalId());
            }
            if (stored == null && record.idempotencyKey() != null) {
                stored = byKey.get(record.idempotencyKey());
            }
            return stored;
        }
    }
}
