package vn.commops.activity.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.ActivityView;
import vn.commops.activity.activity.VerificationStatus;
import vn.commops.activity.evidence.AttachedPhotos;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/**
 * A manager's review queue: the activities of a unit's subtree awaiting a decision, oldest first,
 * without those four eyes keep from the caller (their own reports and corrections, their own unit's
 * reports for itself), each with whether it meets its form's evidence rule.
 */
@ApplicationScoped
public class VerificationQueue {

    @Schema(name = "VerificationQueueItem", description = "An activity awaiting a decision")
    public record QueueItem(
            ActivityView activity,
            @Schema(description = "Who recorded it", examples = "hophai-officer") String reportedBy,
            @Schema(description = "Whether its evidence meets its form's rule, so that it can be verified",
                    examples = "false") boolean meetsEvidenceRule,
            @Schema(description = "What its evidence lacks for the rule",
                    examples = "[\"needs a photo with capture position; none of the 1 item(s) is one\"]")
            List<String> evidenceMissing) {
    }

    private final Caller caller;
    private final FourEyes fourEyes;

    VerificationQueue(Caller caller, FourEyes fourEyes) {
        this.caller = caller;
        this.fourEyes = fourEyes;
    }

    /**
     * Who asks for what, settled before any row is read: the status and unit checked (400, 404), the
     * subtree within the caller's grants (403), and what four eyes keep from this caller.
     */
    public record Criteria(String subtreePath, VerificationStatus status, String callerName, Set<String> ownUnits) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Criteria criteria(String orgUnitCode, VerificationStatus status) {
        if (status != VerificationStatus.REPORTED && status != VerificationStatus.NEEDS_INFORMATION) {
            throw ProblemException.badRequest("invalid-parameter", "verificationStatus",
                    "must be REPORTED or NEEDS_INFORMATION");
        }
        KnownOrgUnit unit = KnownOrgUnit.findById(orgUnitCode);
        if (unit == null) {
            throw ProblemException.notFound("Org unit", orgUnitCode);
        }
        caller.requireUnit(orgUnitCode, unit.path, "orgUnit");
        return new Criteria(unit.path, status, caller.name(), Set.copyOf(caller.grantedUnits()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<QueueItem> queue(Criteria criteria, PageRequest paging) {
        Query count = bind(Activity.getEntityManager().createNativeQuery("select count(*) " + from(criteria)), criteria);
        return new PageOf<>(items(criteria, paging.page, paging.size), paging.page, paging.size,
                ((Number) count.getSingleResult()).longValue());
    }

    /** One page of the queue without its count, which an export reads page after page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QueueItem> items(Criteria criteria, int page, int size) {
        Query query = bind(Activity.getEntityManager().createNativeQuery(
                "select a.* " + from(criteria) + " order by a.created_at, a.id", Activity.class), criteria)
                .setFirstResult(page * size).setMaxResults(size);
        @SuppressWarnings("unchecked")
        List<Activity> activities = query.getResultList();
        Map<String, VerificationRule> rules = VerificationRule.<VerificationRule>listAll().stream()
                .collect(Collectors.toMap(r -> r.form, r -> r));
        Map<UUID, Set<String>> photos = AttachedPhotos.of(activities.stream().map(a -> a.id).toList());
        return activities.stream().map(a -> {
            List<String> missing = EvidenceCheck.missing(rules.get(a.form), a,
                    photos.getOrDefault(a.id, Set.of()));
            return new QueueItem(ActivityView.of(a), a.reportedBy, missing.isEmpty(), missing);
        }).toList();
    }

    private static String from(Criteria criteria) {
        return "from activity a join org_unit_replica k on k.code = a.org_unit_code "
                + "where starts_with(k.path, :subtree) and a.verification_status = :status and not a.withdrawn "
                + "and a.reported_by is distinct from :caller "
                + "and not (a.last_change = 'CORRECTED' and a.changed_by = :caller) "
                + "and not " + FourEyes.CORRECTED_BEFORE
                + (criteria.ownUnits().isEmpty() ? "" : " and not (a.own_unit_report and a.partner_id is null "
                        + "and a.org_unit_code in (:ownUnits))");
    }

    private static Query bind(Query query, Criteria criteria) {
        query.setParameter("subtree", criteria.subtreePath()).setParameter("status", criteria.status().name())
                .setParameter("caller", criteria.callerName());
        if (!criteria.ownUnits().isEmpty()) {
            query.setParameter("ownUnits", criteria.ownUnits());
        }
        return query;
    }
}
