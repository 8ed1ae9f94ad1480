package vn.commops.indicator.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.commops.indicator.dataelement.ActivityElement;

/** The last-applied state of each activity: what a correction is measured against, and what a recompute sums. */
@ApplicationScoped
public class ActivityStates {

    private static final String COLUMNS = ActivityElement.columns();
    private static final String PARAMETERS = Arrays.stream(ActivityElement.values()).map(e -> ":" + e.column())
            .collect(Collectors.joining(", "));
    private static final String UPDATES = Arrays.stream(ActivityElement.values())
            .map(e -> e.column() + " = excluded." + e.column()).collect(Collectors.joining(", "));

    private final EntityManager entityManager;

    ActivityStates(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Reads and locks the activity's state, so two deliveries of its events never interleave. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AppliedActivity> lock(UUID activityId) {
        List<?> rows = entityManager.createNativeQuery("select activity_id, revision, org_unit_code, org_unit_path, "
                + "day, form, campaign_id, verified, verification_status, counted, " + COLUMNS
                + " from activity_state where activity_id = :id for update")
                .setParameter("id", activityId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        long[] values = new long[ActivityElement.values().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((Number) row[10 + i]).longValue();
        }
        FactKey key = new FactKey((String) row[3], (LocalDate) row[4], (String) row[5], (String) row[6],
                (Boolean) row[7]);
        return Optional.of(new AppliedActivity(activityId, ((Number) row[1]).intValue(), (String) row[2], key,
                (String) row[8], (Boolean) row[9], values));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(AppliedActivity activity) {
        Query query = entityManager.createNativeQuery("insert into activity_state (activity_id, revision, org_unit_code, "
                + "org_unit_path, day, form, campaign_id, verification_status, counted, verified, " + COLUMNS
                + ", applied_at) values (:id, :revision, :unit, :path, :day, :form, :campaign, :status, :counted, "
                + ":verified, " + PARAMETERS + ", :now) on conflict (activity_id) do update set revision = "
                + "excluded.revision, org_unit_code = excluded.org_unit_code, org_unit_path = excluded.org_unit_path, "
                + "day = excluded.day, form = excluded.form, campaign_id = excluded.campaign_id, verification_status = "
                + "excluded.verification_status, counted = excluded.counted, verified = excluded.verified, " + UPDATES
                + ", applied_at = excluded.applied_at")
                .setParameter("id", activity.activityId())
                .setParameter("revision", activity.revision())
                .setParameter("unit", activity.orgUnitCode())
                .setParameter("path", activity.key().path())
                .setParameter("day", activity.key().day())
                .setParameter("form", activity.key().form())
                .setParameter("campaign", activity.key().campaignId())
                .setParameter("status", activity.verificationStatus())
                .setParameter("counted", activity.counted())
                .setParameter("verified", activity.key().verified())
                .setParameter("now", OffsetDateTime.now());
        ActivityElement[] elements = ActivityElement.values();
        for (int i = 0; i < elements.length; i++) {
            query.setParameter(elements[i].column(), activity.values()[i]);
        }
        query.executeUpdate();
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
