package vn.commops.crisis.crisiscase;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;

/** Reads a case with everything linked to it. */
@ApplicationScoped
public class CaseReader {

    @Transactional(Transactional.TxType.SUPPORTS)
    public CrisisCase require(UUID id) {
        return CrisisCase.<CrisisCase>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Crisis case",
                id.toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseViews.Case get(UUID id) {
        return view(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseViews.Timeline> timeline(UUID id) {
        require(id);
        return TimelineEntry.<TimelineEntry>list("caseId", Sort.ascending("at").and("id"), id).stream()
                .map(CaseViews.Timeline::of).toList();
    }

    CaseViews.Case view(CrisisCase c) {
        OffsetDateTime now = OffsetDateTime.now();
        List<CaseViews.Action> actions = ResponseAction.<ResponseAction>list("caseId", Sort.ascending("dueAt")
                .and("id"), c.id).stream().map(a -> CaseViews.Action.of(a, now)).toList();
        return new CaseViews.Case(c.id, c.title, c.description, c.severity, c.status, c.owner, c.topicCode,
                c.orgUnitCode, c.signalId, c.detectedAt, c.createdAt, c.acknowledgedAt, c.firstResponseAt, c.resolvedAt,
                c.closedAt, CaseViews.seconds(c.detectedAt, c.acknowledgedAt),
                CaseViews.seconds(c.detectedAt, c.firstResponseAt), List.copyOf(c.status.next()),
                linked("select feedback_id from crisis_case_feedback where case_id = :id order by linked_at, feedback_id", c.id),
                linked("select cluster_id from crisis_case_cluster where case_id = :id order by linked_at, cluster_id", c.id),
                actions, c.createdBy, c.version);
    }

    private static List<UUID> linked(String sql, UUID caseId) {
        return Panache.getEntityManager().createNativeQuery(sql, UUID.class).setParameter("id", caseId)
                .getResultList().stream().map(UUID.class::cast).toList();
    }
}
