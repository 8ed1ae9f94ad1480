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

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<QueueItem> queue(String orgUnitCode, VerificationStatus status, PageRequest paging) {
        if (status != VerificationStatus.REPORTED && status != VerificationStatus.NEEDS_INFORMATION) {
            throw ProblemException.badRequest("invalid-parameter", "verificationStatus",
                    "must be REPORTED or NEEDS_INFORMATION");
        }
        KnownOrgUnit unit = KnownOrgUnit.findById(orgUnitCode);
        if (unit == null) {
            throw ProblemException.notFound("Org unit", orgUnitCode);
        }
        caller.requireUnit(orgUnitCode, unit.path, "orgUnit");
        Set<String> ownUnits = caller.grantedUnits();
        String where = "from activity a join org_unit_replica k on k.code = a.org_unit_code "
                + "where starts_with(k.path, :subtree) and a.verification_status = :status and not a.withdrawn "
                + "and a.reported_by is distinct from :caller "
                + "and not (a.last_change = 'CORRECTED' and a.changed_by = :caller) "
                + "and not " + FourEyes.CORRECTED_BEFORE
                + (ownUnits.isEmpty() ? "" : " and not (a.own_unit_report and a.partner_id is null "
                        + "and a.org_unit_code in (:ownUnits))");
        var em = Activity.getEntityManager();
        Query count = bind(em.createNativeQuery("select count(*) " + where), unit.path, status, ownUnits);
        Query page = bind(em.createNativeQuery("select a.* " + where + " order by a.created_at, a.id", Activity.class),
                unit.path, status, ownUnits).setFirstResult(paging.page * paging.size).setMaxResults(paging.size);
        @SuppressWarnings("unchecked")
        List<Activity> activities = page.getResultList();
        Map<String, VerificationRule> rules = VerificationRule.<VerificationRule>listAll().stream()
                .collect(Collectors.toMap(r -> r.form, r -> r));
        Map<UUID, Set<String>> photos = AttachedPhotos.of(activities.stream().map(a -> a.id).toList());
        List<QueueItem> items = activities.stream().map(a -> {
            List<String> missing = EvidenceCheck.missing(rules.get(a.form), a,
                    photos.getOrDefault(a.id, Set.of()));
            return new QueueItem(ActivityView.of(a), a.reportedBy, missing.isEmpty(), missing);
        }).toList();
        return new PageOf<>(items, paging.page, paging.size, ((Number) count.getSingleResult()).longValue());
    }

    private Query bind(Query query, String path, VerificationStatus status, Set<String> ownUnits) {
        query.setParameter("subtree", path).setParameter("status", status.name()).setParameter("caller", caller.name());
        if (!ownUnits.isEmpty()) {
            query.setParameter("ownUnits", ownUnits);
        }
        return query;
    }
}
