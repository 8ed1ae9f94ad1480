package vn.commops.activity.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.ActivityEvents;
import vn.commops.activity.activity.Evidence;
import vn.commops.activity.bulk.BulkOutbox;

/**
 * Records that name an uploaded file by its sha256 instead of a link: a partner's batch carries thousands of
 * records, and its files go to {@code POST /api/v1/evidence-files} ahead of it. A batch's references are looked up
 * in one query, and the files it names are attached to its activities in one statement, with their events in one
 * outbox row, as the bulk path does for the activities themselves.
 */
@ApplicationScoped
public class EvidenceReferences {

    /** What a record's reference resolves to: the stored file, by its hash. */
    public record Stored(String sha256, String mediaType, long sizeBytes) {
    }

    private final DataSource dataSource;
    private final EvidenceConfig config;
    private final BulkOutbox outbox;

    EvidenceReferences(DataSource dataSource, EvidenceConfig config, BulkOutbox outbox) {
        this.dataSource = dataSource;
        this.config = config;
        this.outbox = outbox;
    }

    /** A reference: the file's hash and no link, which the platform fills in once the file is attached. */
    public static boolean isReference(Evidence evidence) {
        return evidence != null && evidence.url() == null && evidence.sha256() != null;
    }

    /** An item whose link is where the platform serves its file for this activity. */
    public static boolean isServedHere(UUID activityId, Evidence evidence) {
        return evidence.sha256() != null && evidence.url() != null
                && evidence.url().endsWith(EvidenceAttachments.contentPath(activityId, evidence.sha256()));
    }

    /** The stored files among these hashes, in one query; none looked up for none named. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Stored> stored(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Map.of();
        }
        Map<String, Stored> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select sha256, media_type, size_bytes from evidence_file where sha256 = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", sha256s.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new Stored(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up " + sha256s.size() + " evidence files", e);
        }
        return found;
    }

    /**
     * The activity's evidence with each reference given the link its file is served at for this activity, as an
     * upload to the activity itself would have; null when no item is a reference.
     */
    public List<Evidence> located(UUID activityId, List<Evidence> evidence) {
        if (evidence == null || evidence.stream().noneMatch(EvidenceReferences::isReference)) {
            return null;
        }
        List<Evidence> located = new ArrayList<>(evidence.size());
        for (Evidence item : evidence) {
            located.add(isReference(item) ? new Evidence(config.publicUrl()
                    + EvidenceAttachments.contentPath(activityId, item.sha256()), item.sha256(), item.capturedAt(),
                    item.latitude(), item.longitude()) : item);
        }
        return located;
    }

    /**
     * Attaches the files the written activities refer to, each pair once (a replay or a correction naming a file
     * already attached adds nothing), and announces each new attachment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attach(List<Activity> written, Map<String, Stored> files, String attachedBy,
            Function<Activity, String> pathOf) {
        List<UUID> activityIds = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        Map<UUID, Activity> byId = new HashMap<>();
        for (Activity activity : written) {
            Set<String> named = new HashSet<>();
            for (Evidence item : activity.evidence == null ? List.<Evidence>of() : activity.evidence) {
                if (files.containsKey(item.sha256()) && isServedHere(activity.id, item) && named.add(item.sha256())) {
                    activityIds.add(activity.id);
                    hashes.add(item.sha256());
                    byId.put(activity.id, activity);
                }
            }
        }
        if (activityIds.isEmpty()) {
            return;
        }
        List<BulkOutbox.Pending> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into activity_evidence_file (activity_id, sha256, attached_by, attached_at) "
                                + "select a, s, ?, ? from unnest(?::uuid[], ?::text[]) as u(a, s) "
                                + "on conflict do nothing returning activity_id, sha256")) {
            insert.setString(1, attachedBy);
            insert.setObject(2, OffsetDateTime.now());
            insert.setArray(3, connection.createArrayOf("uuid", activityIds.toArray()));
            insert.setArray(4, connection.createArrayOf("text", hashes.toArray()));
            try (ResultSet attached = insert.executeQuery()) {
                while (attached.next()) {
                    Activity activity = byId.get(attached.getObject(1, UUID.class));
                    Stored file = files.get(attached.getString(2));
                    events.add(new BulkOutbox.Pending(EvidenceEvents.ATTACHED, activity.id.toString(),
                            new EvidenceEvents.Attached(activity.id, activity.orgUnitCode, pathOf.apply(activity),
                                    file.sha256(), file.mediaType(), file.sizeBytes())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot attach " + activityIds.size() + " evidence files", e);
        }
        outbox.write(ActivityEvents.TOPIC, events);
    }
}
