package vn.commops.indicator.rollup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.commops.indicator.dataelement.ActivityElement;

/** The last-applied state of each activity: what a correction is measured against, and what a recompute sums. */
@ApplicationScoped
public class ActivityStates {

    private static final String COLUMNS = ActivityElement.columns();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPDATES = Arrays.stream(ActivityElement.values())
            .map(e -> e.column() + " = excluded." + e.column()).collect(Collectors.joining(", "));

    private final EntityManager entityManager;

    ActivityStates(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Reads and locks the states of these activities, so two deliveries of their events never interleave. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, AppliedActivity> lockAll(Collection<UUID> activityIds) {
        Map<UUID, AppliedActivity> states = new HashMap<>();
        if (activityIds.isEmpty()) {
            return states;
        }
        List<?> rows = entityManager.createNativeQuery("select activity_id, revision, org_unit_code, org_unit_path, "
                + "day, form, campaign_id, verified, verification_status, counted, as_was_path, costed, " + COLUMNS
                + ", cast(breakdowns as text) from activity_state where activity_id = any(cast(:ids as uuid[])) order by activity_id for update")
                .setParameter("ids", PgArrays.of(activityIds))
                .getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            long[] values = new long[ActivityElement.values().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = ((Number) row[12 + i]).longValue();
            }
            FactKey key = new FactKey((String) row[3], (LocalDate) row[4], (String) row[5], (String) row[6],
                    (Boolean) row[7], (Boolean) row[11]);
            UUID id = (UUID) row[0];
            states.put(id, new AppliedActivity(id, ((Number) row[1]).intValue(), (String) row[2], key,
                    (String) row[10], (String) row[8], (Boolean) row[9], values, counts((String) row[row.length - 1])));
        }
        return states;
    }

    private static Map<String, Long> counts(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable breakdowns in activity_state", e);
        }
    }

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    /** Stores what is now applied of these activities, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveAll(Collection<AppliedActivity> activities) {
        if (activities.isEmpty()) {
            return;
        }
        ArrayNode json = JSON.createArrayNode();
        ActivityElement[] elements = ActivityElement.values();
        for (AppliedActivity activity : activities) {
            ObjectNode row = json.addObject().put("activity_id", activity.activityId().toString())
                    .put("revision", activity.revision()).put("org_unit_code", activity.orgUnitCode())
                    .put("org_unit_path", activity.key().path()).put("as_was_path", activity.asWasPath())
                    .put("day", activity.key().day().toString())
                    .put("form", activity.key().form()).put("campaign_id", activity.key().campaignId())
                    .put("verification_status", activity.verificationStatus()).put("counted", activity.counted())
                    .put("verified", activity.key().verified()).put("costed", activity.key().costed());
            for (int i = 0; i < elements.length; i++) {
                row.put(elements[i].column(), activity.values()[i]);
            }
            if (!activity.breakdowns().isEmpty()) {
                ObjectNode counts = row.putObject("breakdowns");
                activity.breakdowns().forEach(counts::put);
            }
        }
        entityManager.createNativeQuery("insert into activity_state (activity_id, revision, org_unit_code, "
                + "org_unit_path, as_was_path, day, form, campaign_id, verification_status, counted, verified, costed, "
                + COLUMNS
                + ", breakdowns, applied_at) select activity_id, revision, org_unit_code, org_unit_path, as_was_path, day, form, "
                + "campaign_id, "
                + "verification_status, counted, verified, costed, " + COLUMNS + ", breakdowns, now()"
                + " from jsonb_to_recordset(cast(:rows as jsonb)) as r(activity_id uuid, revision int, "
                + "org_unit_code text, org_unit_path text, as_was_path text, day date, form text, campaign_id text, "
                + "verification_status text, counted boolean, verified boolean, costed boolean, "
                + UnitDayTotals.RECORD_COLUMNS + ", breakdowns jsonb)"
                + " on conflict (activity_id) do update set revision = excluded.revision, org_unit_code = "
                + "excluded.org_unit_code, org_unit_path = excluded.org_unit_path, as_was_path = excluded.as_was_path, "
                + "day = excluded.day, form = "
                + "excluded.form, campaign_id = excluded.campaign_id, verification_status = "
                + "excluded.verification_status, counted = excluded.counted, verified = excluded.verified, "
                + "costed = excluded.costed, breakdowns = excluded.breakdowns, " + UPDATES
                + ", applied_at = excluded.applied_at")
                .setParameter("rows", json.toString())
                .executeUpdate();
    }

    /** A moved or merged subtree: its activities now roll up under the new path. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int repath(String oldPrefix, String newPrefix) {
        return entityManager.createNativeQuery("update activity_state set org_unit_path = :new || substr(org_unit_path, "
                + "length(:old) + 1) where org_unit_path like :pattern escape '\\'")
                .setParameter("old", oldPrefix)
                .setParameter("new", newPrefix)
                .setParameter("pattern", Like.prefix(oldPrefix))
                .executeUpdate();
    }
}
