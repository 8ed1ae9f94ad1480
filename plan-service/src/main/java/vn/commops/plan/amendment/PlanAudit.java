package vn.commops.plan.amendment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.commops.common.api.IfMatch;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.plan.plan.Plan;
import vn.commops.plan.plan.PlanDecisions;
import vn.commops.plan.plan.PlanRevision;
import vn.commops.plan.plan.PlanService;

/**
 * Approval that means something. When a plan is approved its content (the plan, each campaign, each
 * assignment) is kept as a snapshot; after that, changes to its campaigns and assignments are kept as
 * entries with who, when, before and after. A change of amounts (campaign budget lines; assignment
 * quantity, budget, targets) does not apply: it is held as an amendment until a decider of the plan (whoever
 * may approve it) approves or returns it. Other changes apply at once and are recorded.
 */
@ApplicationScoped
public class PlanAudit {

    private final AuditJson json;
    private final AmendmentEvents events;
    private final Instance<AmendableSubject> subjects;
    private final PlanService plans;
    private final Caller caller;

    PlanAudit(AuditJson json, AmendmentEvents events, Instance<AmendableSubject> subjects, PlanService plans,
            Caller caller) {
        this.json = json;
        this.events = events;
        this.subjects = subjects;
        this.plans = plans;
        this.caller = caller;
    }

    /** Whether two contents are the same as JSON (amounts compared by value, maps regardless of key order). */
    public boolean same(Object one, Object other) {
        return json.same(one, other);
    }

    /** A change applied at once to a decided plan's campaign or assignment: an entry when anything differs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Plan plan, Subject subject, UUID id, Map<String, Object> before, Map<String, Object> after,
            String actor) {
        List<String> fields = json.changedFields(before, after);
        if (!fields.isEmpty()) {
            record(plan.id, RevisionKind.CHANGED, subject, id, null, fields, before, after, actor);
        }
    }

    /** A campaign or assignment added to a decided plan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Plan plan, Subject subject, UUID id, Map<String, Object> content, String actor) {
        record(plan.id, RevisionKind.CREATED, subject, id, null, List.copyOf(content.keySet()), null, content, actor);
    }

    /**
     * Holds a change of amounts for the plan's decider; the caller leaves the live values as they are. One
     * amendment per campaign or assignment waits at a time: another is refused with 409 until it is decided.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID propose(Plan plan, Subject subject, UUID id, Map<String, Object> heldBefore,
            Map<String, Object> heldAfter, String actor) {
        Amendment pending = Amendment.<Amendment>find("subjectId = ?1 and status = ?2", id, AmendmentStatus.PENDING)
                .firstResult();
        if (pending != null) {
            throw ProblemException.conflict("amendment-pending", "An amendment of this " + subject.name().toLowerCase()
                    + " (" + pending.id + ") waits for the plan's decider; its amounts change again once it is decided");
        }
        Amendment amendment = new Amendment();
        amendment.id = UUID.randomUUID();
        amendment.planId = plan.id;
        amendment.subjectType = subject;
        amendment.subjectId = id;
        amendment.before = json.write(heldBefore);
        amendment.after = json.write(heldAfter);
        amendment.status = AmendmentStatus.PENDING;
        amendment.proposedBy = actor == null ? "system" : actor;
        amendment.proposedAt = OffsetDateTime.now();
        amendment.persist();
        List<String> fields = json.changedFields(heldBefore, heldAfter);
        record(plan.id, RevisionKind.AMENDMENT_PROPOSED, subject, id, amendment.id, fields, heldBefore, heldAfter,
                amendment.proposedBy);
        Amendment.flush();
        events.publish(AmendmentEvents.PROPOSED, amendment, fields, heldBefore, heldAfter, amendment.proposedBy);
        return amendment.id;
    }

    /** What the approval found: the plan's content and that of each of its campaigns and assignments. */
    void approved(@Observes PlanDecisions.Approved approval) {
        Plan plan = approval.plan();
        Map<String, Object> content = content(PlanRevision.<PlanRevision>find("planId = ?1 and revision = ?2",
                plan.id, plan.revision).firstResult());
        record(plan.id, RevisionKind.APPROVED, Subject.PLAN, plan.id, null, List.copyOf(content.keySet()), null,
                content, approval.actor());
        for (AmendableSubject subject : subjects) {
            subject.contentOf(plan.id).forEach((id, snapshot) -> record(plan.id, RevisionKind.APPROVED,
                    subject.subject(), id, null, List.copyOf(snapshot.keySet()), null, snapshot, approval.actor()));
        }
    }

    /** A decided plan's own wording or indicators changed (they apply at once, see PlanService.replace). */
    void wordingChanged(@Observes PlanDecisions.WordingChanged change) {
        changed(change.plan(), Subject.PLAN, change.plan().id, content(change.before()), content(change.after()),
                change.actor());
    }

    /**
     * Approves (applies) or returns (drops) a pending amendment. Only a decider of the plan may (403). A
     * decision on an amendment already decided, on a plan no longer approved or active, or on amounts that
     * changed since it was proposed is stale (409); with If-Match, one based on another version gets 412.
     */
    @Transactional
    public AmendmentView decide(UUID planId, UUID amendmentId, Integer basedOn, AmendmentView.Decision decision) {
        Amendment amendment = Amendment.<Amendment>findByIdOptional(amendmentId, LockModeType.PESSIMISTIC_WRITE)
                .filter(found -> found.planId.equals(planId))
                .orElseThrow(() -> ProblemException.notFound("Amendment", planId + "/" + amendmentId));
        Plan plan = Plan.findById(planId);
        plans.requireDecider(plan);
        IfMatch.check(basedOn, amendment.version, "Amendment " + amendmentId);
        if (amendment.status != AmendmentStatus.PENDING) {
            throw ProblemException.conflict("amendment-decided", "Amendment " + amendmentId + " was already "
                    + amendment.status.name().toLowerCase() + " by " + amendment.decidedBy + " at " + amendment.decidedAt);
        }
        if (!plan.isDecided()) {
            throw ProblemException.conflict("amendment-stale", "Plan " + planId + " is " + plan.status
                    + "; amendments are decided while it is approved or active");
        }
        boolean approving = decision.action() == AmendmentView.Action.APPROVE;
        if (!approving && (decision.reason() == null || decision.reason().isBlank())) {
            throw ProblemException.badRequest("reason-required", "reason", "a returned amendment needs the reason");
        }
        Map<String, Object> heldBefore = json.read(amendment.before);
        Map<String, Object> heldAfter = json.read(amendment.after);
        String actor = caller.name();
        amendment.status = approving ? AmendmentStatus.APPROVED : AmendmentStatus.RETURNED;
        amendment.decidedBy = actor;
        amendment.decidedAt = OffsetDateTime.now();
        amendment.reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
        List<String> fields = json.changedFields(heldBefore, heldAfter);
        if (approving) {
            AmendableSubject.Applied applied = handler(amendment.subjectType).apply(amendment, heldBefore, heldAfter,
                    actor);
            record(planId, RevisionKind.AMENDMENT_APPROVED, amendment.subjectType, amendment.subjectId, amendment.id,
                    json.changedFields(applied.before(), applied.after()), applied.before(), applied.after(), actor);
        } else {
            record(planId, RevisionKind.AMENDMENT_RETURNED, amendment.subjectType, amendment.subjectId, amendment.id,
                    fields, heldBefore, heldAfter, actor);
        }
        Amendment.flush();
        events.publish(approving ? AmendmentEvents.APPROVED : AmendmentEvents.RETURNED, amendment, fields, heldBefore,
                heldAfter, actor);
        return view(amendment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AmendmentView> amendments(UUID planId, AmendmentStatus status) {
        plan(planId);
        var found = status == null
                ? Amendment.<Amendment>list("planId = ?1 order by proposedAt", planId)
                : Amendment.<Amendment>list("planId = ?1 and status = ?2 order by proposedAt", planId, status);
        return found.stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AmendmentView amendment(UUID planId, UUID amendmentId) {
        return Amendment.<Amendment>findByIdOptional(amendmentId).filter(found -> found.planId.equals(planId))
                .map(this::view).orElseThrow(() -> ProblemException.notFound("Amendment", planId + "/" + amendmentId));
    }

    /** The plan's audit, oldest first: approval snapshots, then what changed after. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AmendmentView.AuditEntry> revisions(UUID planId) {
        plan(planId);
        return ContentRevision.<ContentRevision>list("planId = ?1 order by id", planId).stream()
                .map(entry -> new AmendmentView.AuditEntry(entry.id, entry.kind, entry.subjectType, entry.subjectId,
                        entry.amendmentId, List.of(entry.fields), json.read(entry.before), json.read(entry.after),
                        entry.actor, entry.at))
                .toList();
    }

    private static Plan plan(UUID planId) {
        return Plan.<Plan>findByIdOptional(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId.toString()));
    }

    private AmendableSubject handler(Subject subject) {
        for (AmendableSubject candidate : subjects) {
            if (candidate.subject() == subject) {
                return candidate;
            }
        }
        throw new IllegalStateException("no amendable subject " + subject);
    }

    private AmendmentView view(Amendment amendment) {
        Map<String, Object> before = json.read(amendment.before);
        Map<String, Object> after = json.read(amendment.after);
        return new AmendmentView(amendment.id, amendment.planId, amendment.subjectType, amendment.subjectId,
                amendment.status, json.changedFields(before, after), before, after, amendment.proposedBy,
                amendment.proposedAt, amendment.decidedBy, amendment.decidedAt, amendment.reason, amendment.version);
    }

    private void record(UUID planId, RevisionKind kind, Subject subject, UUID id, UUID amendmentId,
            List<String> fields, Map<String, Object> before, Map<String, Object> after, String actor) {
        ContentRevision entry = new ContentRevision();
        entry.planId = planId;
        entry.kind = kind;
        entry.subjectType = subject;
        entry.subjectId = id;
        entry.amendmentId = amendmentId;
        entry.fields = fields.toArray(String[]::new);
        entry.before = json.write(before);
        entry.after = json.write(after);
        entry.actor = actor == null ? "system" : actor;
        entry.at = OffsetDateTime.now();
        entry.persist();
    }

    private static Map<String, Object> content(PlanRevision revision) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("revision", revision.revision);
        content.put("type", revision.type.name());
        content.put("title", revision.title);
        content.put("objectives", revision.objectives);
        content.put("indicatorCodes", revision.indicatorCodes == null ? null : List.of(revision.indicatorCodes));
        content.put("ownerUnitCode", revision.ownerUnitCode);
        content.put("periodStart", revision.periodStart.toString());
        content.put("periodEnd", revision.periodEnd.toString());
        content.put("parentPlanId", revision.parentPlanId == null ? null : revision.parentPlanId.toString());
        return content;
    }
}
