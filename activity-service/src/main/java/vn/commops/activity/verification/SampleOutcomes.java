package vn.commops.activity.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.ActivityEvents;
import vn.commops.activity.activity.VerificationStatus;
import vn.commops.activity.bulk.ActivityRows;
import vn.commops.activity.evidence.AttachedPhotos;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.security.Caller;

/**
 * When the last member of an open review sample is decided, the sample's outcome extends to the rest
 * of its batch that is still REPORTED. Accepted (at most {@code maxRejectedPercent} of the sample
 * rejected, withdrawn members counting as rejected): each such record is verified, or, when its own
 * evidence falls short of its form's rule, asked for information naming what is missing. Refused: each
 * is asked for information with the sample's reason. Records decided one by one keep their decision.
 * Everything happens in the deciding request's transaction, the records as one set-based update with
 * their events as one outbox row, as a batch of a thousand is written.
 */
@ApplicationScoped
class SampleOutcomes {

    private final Caller caller;
    private final DataSource dataSource;
    private final ActivityRows rows;
    private final ActivityEvents activityEvents;
    private final VerificationEvents events;

    SampleOutcomes(Caller caller, DataSource dataSource, ActivityRows rows, ActivityEvents activityEvents,
            VerificationEvents events) {
        this.caller = caller;
        this.dataSource = dataSource;
        this.rows = rows;
        this.activityEvents = activityEvents;
        this.events = events;
    }

    /** After a decision on this activity: decides every open sample it belongs to whose members are all decided. */
    void decided(UUID activityId) {
        EntityManager em = ReviewSample.getEntityManager();
        @SuppressWarnings("unchecked")
        List<UUID> open = em.createNativeQuery("select s.id from review_sample s join review_sample_member m "
                + "on m.sample_id = s.id where m.activity_id = :id and s.status = 'OPEN'")
                .setParameter("id", activityId).getResultList();
        for (UUID id : open) {
            // Two reviewers deciding the last two members: the second waits here and then sees the first's decision.
            ReviewSample sample = em.find(ReviewSample.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (sample.status == ReviewSample.Status.OPEN) {
                decideIfComplete(sample);
            }
        }
    }

    private void decideIfComplete(ReviewSample sample) {
        EntityManager em = ReviewSample.getEntityManager();
        Object[] counts = (Object[]) em.createNativeQuery("select count(*) filter (where not (a.withdrawn or "
                + "a.verification_status in ('VERIFIED', 'REJECTED'))), count(*) filter (where a.withdrawn or "
                + "a.verification_status = 'REJECTED') from review_sample_member m join activity a on a.id = m.activity_id "
                + "where m.sample_id = :sample").setParameter("sample", sample.id).getSingleResult();
        if (((Number) counts[0]).longValue() > 0) {
            return;
        }
        int rejected = ((Number) counts[1]).intValue();
        boolean accepted = BigDecimal.valueOf(rejected).multiply(BigDecimal.valueOf(100))
                .compareTo(sample.maxRejectedPercent.multiply(BigDecimal.valueOf(sample.sampleSize))) <= 0;
        String reason = "sample " + sample.id + (accepted ? " accepted: " : " refused: ") + rejected + " of "
                + sample.sampleSize + " sampled records rejected";
        KnownOrgUnit unit = KnownOrgUnit.findById(sample.orgUnitCode);
        SampleBatch batch = SampleBatch.of(sample, unit.path);
        @SuppressWarnings("unchecked")
        List<Activity> rest = batch.bind(em.createNativeQuery("select a.* " + SampleBatch.FROM_WHERE
                + " and a.verification_status = 'REPORTED' and not exists (select 1 from review_sample_member m "
                + "where m.sample_id = :sample and m.activity_id = a.id) order by a.id", Activity.class))
                .setParameter("sample", sample.id).getResultList();
        Map<String, VerificationRule> rules = VerificationRule.<VerificationRule>listAll().stream()
                .collect(Collectors.toMap(r -> r.form, r -> r));
        Map<UUID, Set<String>> photos = accepted ? AttachedPhotos.of(rest.stream().map(a -> a.id).toList()) : Map.of();
        List<Decided> decisions = new ArrayList<>(rest.size());
        for (Activity activity : rest) {
            List<String> missing = accepted ? EvidenceCheck.missing(rules.get(activity.form), activity,
                    photos.getOrDefault(activity.id, Set.of())) : List.of();
            decisions.add(accepted && missing.isEmpty() ? new Decided(activity, VerificationStatus.VERIFIED, reason)
                    : new Decided(activity, VerificationStatus.NEEDS_INFORMATION, accepted
                            ? reason + "; this record's evidence: " + String.join("; ", missing) : reason));
        }
        List<Activity> extended = extend(decisions);

        sample.status = accepted ? ReviewSample.Status.ACCEPTED : ReviewSample.Status.REFUSED;
        sample.rejected = rejected;
        sample.extended = extended.size();
        sample.outcomeReason = reason;
        sample.decidedBy = caller.name();
        sample.decidedAt = OffsetDateTime.now();
        em.flush();
        events.sampleDecided(sample, unit.path);
        Map<String, String> paths = new HashMap<>();
        for (Activity activity : extended) {
            paths.computeIfAbsent(activity.orgUnitCode, code -> KnownOrgUnit.<KnownOrgUnit>findById(code).path);
        }
        activityEvents.publishedAll(extended, a -> paths.get(a.orgUnitCode));
    }

    private record Decided(Activity activity, VerificationStatus status, String reason) {
    }

    /**
     * One revision per record in one statement, the superseded rows kept first; a record decided
     * concurrently meanwhile is left as it is. Returns the records written, as written.
     */
    private List<Activity> extend(List<Decided> decisions) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        UUID[] ids = decisions.stream().map(d -> d.activity().id).toArray(UUID[]::new);
        rows.snapshot(ids);
        String by = caller.name();
        OffsetDateTime now = OffsetDateTime.now();
        Set<UUID> written = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update activity a set verification_status = u.status, change_reason = u.reason,
                            revision = a.revision + 1, last_change = 'VERIFIED', changed_by = ?, updated_at = ?,
                            version = a.version + 1, change_seq = nextval('activity_change_seq')
                        from unnest(?::uuid[], ?::text[], ?::text[]) as u(id, status, reason)
                        where a.id = u.id and a.verification_status = 'REPORTED' and not a.withdrawn
                        returning a.id""")) {
            update.setString(1, by);
            update.setObject(2, now);
            update.setArray(3, connection.createArrayOf("uuid", ids));
            update.setArray(4, connection.createArrayOf("text",
                    decisions.stream().map(d -> d.status().name()).toArray()));
            update.setArray(5, connection.createArrayOf("text", decisions.stream().map(Decided::reason).toArray()));
            try (ResultSet result = update.executeQuery()) {
                while (result.next()) {
                    written.add(result.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot extend a review sample's outcome to " + ids.length + " records", e);
        }
        EntityManager em = Activity.getEntityManager();
        List<Activity> extended = new ArrayList<>(written.size());
        for (Decided decision : decisions) {
            Activity activity = decision.activity();
            // Detached first: the statement above wrote the row, and Hibernate must not write it again.
            em.detach(activity);
            if (written.contains(activity.id)) {
                activity.verificationStatus = decision.status();
                activity.changeReason = decision.reason();
                activity.revision++;
                activity.version++;
                activity.lastChange = Activity.Change.VERIFIED;
                activity.changedBy = by;
                activity.updatedAt = now;
                extended.add(activity);
            }
        }
        return extended;
    }
}
