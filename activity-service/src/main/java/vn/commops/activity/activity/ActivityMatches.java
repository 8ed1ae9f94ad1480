package vn.commops.activity.activity;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Finds, in one query per batch, what is already stored under the identities a batch names. */
@ApplicationScoped
public class ActivityMatches {

    /** What the writer needs of a stored activity to classify a record against it. */
    public record Stored(UUID id, String reporter, String externalId, UUID clientId, String idempotencyKey,
            String contentHash, int revision, int version, boolean withdrawn, String orgUnitCode, String path,
            OffsetDateTime createdAt, String partnerId) {
    }

    public record Unit(String path, LocalDate validTo) {
    }

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

    /** Which of these communicator ids are registered. */
    public Set<UUID> knownCommunicators(Set<UUID> ids) {
        Set<UUID> known = new HashSet<>();
        if (ids.isEmpty()) {
            return known;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select id from communicator where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getObject(1, UUID.class));
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
        Set<String> scopes = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
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
                scopes.add(reporter.scopeFor(request.orgUnitCode()));
                externalIds.add(request.externalId());
            }
            if (record.idempotencyKey() != null) {
                keys.add(record.idempotencyKey());
            }
        }
        Found found = new Found();
        if (ids.isEmpty() && clientIds.isEmpty() && externalIds.isEmpty() && keys.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select a.id, a.reporter, a.external_id, a.client_id, a.idempotency_key, a.content_hash,
                               a.revision, a.version, a.withdrawn, a.org_unit_code, u.path, a.created_at, a.partner_id
                        from activity a left join org_unit_replica u on u.code = a.org_unit_code
                        where a.id = any(?) or a.client_id = any(?)
                           or (a.reporter = any(?) and a.external_id = any(?)) or a.idempotency_key = any(?)""")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            query.setArray(2, connection.createArrayOf("uuid", clientIds.toArray()));
            query.setArray(3, connection.createArrayOf("text", scopes.toArray()));
            query.setArray(4, connection.createArrayOf("text", externalIds.toArray()));
            query.setArray(5, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Stored stored = new Stored(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getObject(4, UUID.class), rows.getString(5), rows.getString(6), rows.getInt(7),
                            rows.getInt(8), rows.getBoolean(9), rows.getString(10), rows.getString(11),
                            rows.getObject(12, OffsetDateTime.class), rows.getString(13));
                    found.add(stored);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up stored activities", e);
        }
        return found;
    }

    /** Stored activities under every identity they carry, so matching a record is a map lookup. */
    public static final class Found {
        private final Map<UUID, Stored> byId = new HashMap<>();
        private final Map<UUID, Stored> byClientId = new HashMap<>();
        private final Map<String, Stored> byExternalId = new HashMap<>();
        private final Map<String, Stored> byKey = new HashMap<>();

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
