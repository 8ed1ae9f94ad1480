package vn.commops.crisis.crisiscase;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.crisis.cluster.FeedbackCluster;
import vn.commops.crisis.feedback.Feedback;

/** What is gathered into a case (feedback, clusters) and what is done about it (response actions). */
@ApplicationScoped
public class CaseResponseService {

    private final Caller caller;
    private final CaseReader reader;
    private final CaseEvents events;

    CaseResponseService(Caller caller, CaseReader reader, CaseEvents events) {
        this.caller = caller;
        this.reader = reader;
        this.events = events;
    }

    /** Links feedback and clusters; linking what is already linked changes nothing. */
    @Transactional
    public CaseViews.Case link(UUID caseId, CaseRequests.Links request) {
        CrisisCase c = open(caseId);
        List<UUID> feedbackIds = request.feedbackIds() == null ? List.of() : request.feedbackIds();
        List<UUID> clusterIds = request.clusterIds() == null ? List.of() : request.clusterIds();
        for (int i = 0; i < feedbackIds.size(); i++) {
            if (Feedback.findById(feedbackIds.get(i)) == null) {
                throw ProblemException.invalidField("unknown-feedback", "feedbackIds[" + i + "]",
                        "no feedback '" + feedbackIds.get(i) + "'");
            }
        }
        for (int i = 0; i < clusterIds.size(); i++) {
            if (FeedbackCluster.findById(clusterIds.get(i)) == null) {
                throw ProblemException.invalidField("unknown-cluster", "clusterIds[" + i + "]",
                        "no cluster '" + clusterIds.get(i) + "'");
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<UUID> newFeedback = insert("insert into crisis_case_feedback (case_id, feedback_id, linked_at, linked_by) "
                + "values (:case, :item, :at, :by) on conflict do nothing", c.id, feedbackIds, now);
        List<UUID> newClusters = insert("insert into crisis_case_cluster (case_id, cluster_id, linked_at, linked_by) "
                + "values (:case, :item, :at, :by) on conflict do nothing", c.id, clusterIds, now);
        if (!newFeedback.isEmpty() || !newClusters.isEmpty()) {
            TimelineEntry.record(c.id, now, TimelineEntry.Kind.LINKED, caller.name(),
                    feedbackIds.size() + " feedback item(s) and " + clusterIds.size() + " cluster(s) linked");
            events.linked(c.id, newFeedback, newClusters, caller.name(), now);
        }
        return reader.view(c);
    }

    @Transactional
    public CaseViews.Action addAction(UUID caseId, CaseRequests.Action request) {
        CrisisCase c = open(caseId);
        OffsetDateTime now = OffsetDateTime.now();
        ResponseAction action = new ResponseAction();
        action.id = UUID.randomUUID();
        action.caseId = c.id;
        action.kind = request.kind();
        action.description = request.description().strip();
        action.dueAt = request.dueAt();
        action.createdAt = now;
        action.createdBy = caller.name();
        action.persist();
        events.actionAdded(action);
        TimelineEntry.record(c.id, now, TimelineEntry.Kind.ACTION_ADDED, caller.name(),
                action.kind + " due " + action.dueAt + ": " + action.description);
        return CaseViews.Action.of(action, now);
    }

    /** Marks an action done; the first one done is the case's first response. */
    @Transactional
    public CaseViews.Action complete(UUID caseId, UUID actionId, CaseRequests.Completion request) {
        CrisisCase c = reader.require(caseId);
        ResponseAction action = ResponseAction.<ResponseAction>find("id = ?1 and caseId = ?2", actionId, caseId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Response action", actionId.toString()));
        if (action.doneAt != null) {
            throw ProblemException.conflict("action-done", "action '" + actionId + "' was done at " + action.doneAt);
        }
        OffsetDateTime now = OffsetDateTime.now();
        action.doneAt = now;
        action.doneBy = caller.name();
        action.outcome = request == null ? null : request.outcome();
        boolean firstResponse = c.firstResponseAt == null;
        if (firstResponse) {
            c.firstResponseAt = now;
        }
        events.actionCompleted(action, firstResponse);
        TimelineEntry.record(c.id, now, TimelineEntry.Kind.ACTION_DONE, caller.name(), action.kind + " done"
                + (action.outcome == null ? "" : ": " + action.outcome));
        return CaseViews.Action.of(action, now);
    }

    private CrisisCase open(UUID caseId) {
        CrisisCase c = reader.require(caseId);
        if (c.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("case-closed", "case '" + caseId + "' is closed");
        }
        return c;
    }

    /** The items this insert linked anew. */
    private List<UUID> insert(String sql, UUID caseId, List<UUID> items, OffsetDateTime at) {
        List<UUID> added = new ArrayList<>();
        for (UUID item : items) {
            if (Panache.getEntityManager().createNativeQuery(sql).setParameter("case", caseId)
                    .setParameter("item", item).setParameter("at", at).setParameter("by", caller.name())
                    .executeUpdate() > 0) {
                added.add(item);
            }
        }
        return added;
    }
}
