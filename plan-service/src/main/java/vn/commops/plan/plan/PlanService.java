package vn.commops.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import vn.commops.common.api.IfMatch;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.text.SearchText;
import vn.commops.plan.orgunit.OrgUnit;
import vn.commops.plan.orgunit.OrgUnitsTakenOver;

@ApplicationScoped
public class PlanService {

    private static final Map<String, String> SORTABLE = Map.of("title", "searchTitle", "periodStart", "periodStart",
            "periodEnd", "periodEnd", "createdAt", "createdAt", "updatedAt", "updatedAt", "type", "type",
            "status", "status");

    private final PlanEvents events;
    private final PlanWorkflow workflow;
    private final Caller caller;
    private final Event<PlanDecisions.Approved> approvals;
    private final Event<PlanDecisions.WordingChanged> wordingChanges;

    PlanService(PlanEvents events, PlanWorkflow workflow, Caller caller, Event<PlanDecisions.Approved> approvals,
            Event<PlanDecisions.WordingChanged> wordingChanges) {
        this.events = events;
        this.workflow = workflow;
        this.caller = caller;
        this.approvals = approvals;
        this.wordingChanges = wordingChanges;
    }

    /** A retry with the same idempotency key returns the plan the first attempt created. */
    @Transactional
    public Created create(PlanRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = Plan.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                // A retry answers only a caller who may act on the owner unit, not whoever guesses the key.
                String owner = earlier.get().ownerUnitCode;
                caller.requireUnit(owner, OrgUnit.findByCode(owner).map(unit -> unit.path).orElse(null),
                        "ownerUnitCode");
                return new Created(PlanView.of(earlier.get()), false);
            }
        }
        OrgUnit owner = OrgUnit.findByCode(request.ownerUnitCode()).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", "ownerUnitCode",
                        "no org unit '" + request.ownerUnitCode() + "'"));
        caller.requireUnit(owner.code, owner.path, "ownerUnitCode");
        if (!owner.isOpen()) {
            throw ProblemException.invalidField("org-unit-closed", "ownerUnitCode",
                    "'" + owner.code + "' stopped existing after " + owner.validTo);
        }
        requireParent(request.type(), request.parentPlanId(), owner, request.periodStart(), request.periodEnd());
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.type = request.type();
        plan.title = request.title().strip();
        plan.searchTitle = SearchText.fold(plan.title);
        plan.objectives = request.objectives();
        plan.indicatorCodes = indicators(request.indicatorCodes());
        plan.ownerUnitCode = owner.code;
        plan.periodStart = request.periodStart();
        plan.periodEnd = request.periodEnd();
        plan.parentPlanId = request.parentPlanId();
        plan.status = PlanStatus.DRAFT;
        plan.idempotencyKey = idempotencyKey;
        plan.createdAt = OffsetDateTime.now();
        plan.updatedAt = plan.createdAt;
        plan.revision = 1;
        plan.persist();
        PlanRevision.of(plan, caller.name()).persist();
        events.created(plan);
        return new Created(PlanView.of(plan), true);
    }

    /** Codes in the order given, each once; null (inherit the parent's) stays null. */
    private static String[] indicators(List<String> codes) {
        return codes == null ? null : new LinkedHashSet<>(codes).toArray(String[]::new);
    }

    /**
     * A plan other than the master plan derives from an approved (or active) plan of the type above
     * ({@link PlanType#parentTypes()}) whose period contains its own, owned by the same unit or one above it.
     */
    private static void requireParent(PlanType type, UUID parentId, OrgUnit owner, LocalDate start, LocalDate end) {
        if (parentId == null) {
            if (type != PlanType.MASTER) {
                throw ProblemException.invalidField("parent-plan-required", "parentPlanId", "a " + type
                        + " plan derives from an approved " + or(type.parentTypes()) + " plan; name it");
            }
            return;
        }
        if (type == PlanType.MASTER) {
            throw ProblemException.invalidField("master-plan-has-no-parent", "parentPlanId",
                    "the master plan heads the cascade and derives from no other plan");
        }
        Plan parent = Plan.<Plan>findByIdOptional(parentId).orElseThrow(() ->
                ProblemException.invalidField("unknown-plan", "parentPlanId", "no plan '" + parentId + "'"));
        if (!type.parentTypes().contains(parent.type)) {
            throw ProblemException.invalidField("parent-plan-wrong-type", "parentPlanId", "a " + type
                    + " plan derives from " + or(type.parentTypes()) + " plans, not from a " + parent.type + " plan");
        }
        if (!parent.contains(start, end)) {
            throw ProblemException.invalidField("period-outside-parent", "periodStart",
                    "the period must lie within the parent plan's " + parent.periodStart + " to " + parent.periodEnd);
        }
        if (parent.status != PlanStatus.APPROVED && parent.status != PlanStatus.ACTIVE) {
            throw ProblemException.invalidField("parent-plan-not-approved", "parentPlanId",
                    "the parent plan is " + parent.status + "; plans derive only from approved or active ones");
        }
        if (!owner.path.contains("/" + parent.ownerUnitCode + "/")) {
            throw ProblemException.invalidField("parent-plan-of-another-unit", "parentPlanId",
                    "the parent plan belongs to '" + parent.ownerUnitCode + "', which is not above '" + owner.code + "'");
        }
    }

    private static String or(java.util.Set<PlanType> types) {
        return String.join(" or ", types.stream().map(Enum::name).toList());
    }

    /**
     * A draft copy of a plan for another period, every date moved by {@code shift}. It derives from the
     * parent given, else from the original's parent if that still contains the new period; a child plan
     * cloned along with its parent derives from the parent's draft copy ({@code draftParent}), which need
     * not be approved yet: the copies go through approval top down like any new plans.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan copy(UUID sourceId, UnaryOperator<LocalDate> shift, String title, UUID parentPlanId, Plan draftParent) {
        Plan source = find(sourceId);
        OrgUnit owner = owner(source);
        caller.requireUnit(owner.code, owner.path, "ownerUnitCode");
        if (!owner.isOpen()) {
            throw ProblemException.conflict("org-unit-closed", "'" + owner.code + "' stopped existing");
        }
        LocalDate start = shift.apply(source.periodStart);
        LocalDate end = shift.apply(source.periodEnd);
        UUID parent = parentPlanId;
        if (draftParent != null) {
            if (!draftParent.contains(start, end)) {
                throw ProblemException.invalidField("period-outside-parent", "periodStart", "the child plan '"
                        + source.title + "' would run " + start + " to " + end + ", outside its parent's copy");
            }
            parent = draftParent.id;
        } else {
            if (parent == null && source.parentPlanId != null) {
                Plan original = Plan.findById(source.parentPlanId);
                boolean stillFits = original != null && original.contains(start, end) && original.isDecided();
                parent = stillFits ? original.id : null;
            }
            if (parent == null && source.type != PlanType.MASTER) {
                throw ProblemException.invalidField("parent-plan-required", "parentPlanId", "the copy runs " + start
                        + " to " + end + ", outside its original's parent plan (or that plan is no longer approved): "
                        + "name the approved " + or(source.type.parentTypes()) + " plan it derives from");
            }
            requireParent(source.type, parent, owner, start, end);
        }
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.type = source.type;
        plan.title = title == null || title.isBlank() ? source.title : title.strip();
        plan.searchTitle = SearchText.fold(plan.title);
        plan.objectives = source.objectives;
        plan.indicatorCodes = source.indicatorCodes == null ? null : source.indicatorCodes.clone();
        plan.ownerUnitCode = owner.code;
        plan.periodStart = start;
        plan.periodEnd = end;
        plan.parentPlanId = parent;
        plan.status = PlanStatus.DRAFT;
        plan.createdAt = OffsetDateTime.now();
        plan.updatedAt = plan.createdAt;
        plan.revision = 1;
        plan.persist();
        PlanRevision.of(plan, caller.name()).persist();
        events.created(plan);
        return plan;
    }

    /**
     * A draft or returned plan changes freely within the cascade rules. An approved or active one keeps its
     * type, period and parent; its wording (title, objectives) and the indicators it tracks still change,
     * recorded as a revision and in the audit of what changed after approval.
     */
    @Transactional
    public PlanView replace(UUID id, Integer basedOn, PlanChange.Replace change) {
        Plan plan = lock(id);
        IfMatch.check(basedOn, plan.version, "Plan " + id);
        OrgUnit owner = owner(plan);
        caller.requireUnit(owner.code, owner.path, "ownerUnitCode");
        boolean structureSame = plan.type == change.type() && plan.periodStart.equals(change.periodStart())
                && plan.periodEnd.equals(change.periodEnd()) && Objects.equals(plan.parentPlanId, change.parentPlanId());
        if (plan.isDecided() && !structureSame) {
            throw ProblemException.conflict("plan-not-editable", "A " + plan.status + " plan keeps its type, period "
                    + "and parent; only its title, objectives and indicators change");
        }
        if (!plan.isDecided() && plan.status != PlanStatus.DRAFT && plan.status != PlanStatus.RETURNED) {
            throw ProblemException.conflict("plan-not-editable",
                    "A " + plan.status + " plan cannot be edited; only draft, returned, approved and active plans can");
        }
        if (change.parentPlanId() != null && change.parentPlanId().equals(id)) {
            throw ProblemException.invalidField("parent-plan-is-self", "parentPlanId", "a plan cannot derive from itself");
        }
        if (!structureSame) {
            requireParent(change.type(), change.parentPlanId(), owner, change.periodStart(), change.periodEnd());
            requireChildrenFit(plan, change.type());
            requireContentStillInside(plan, change.periodStart(), change.periodEnd());
        }
        String[] indicators = indicators(change.indicatorCodes());
        boolean same = structureSame && plan.title.equals(change.title().strip())
                && Objects.equals(plan.objectives, change.objectives())
                && java.util.Arrays.equals(plan.indicatorCodes, indicators);
        if (same) {
            return PlanView.of(plan);
        }
        PlanRevision before = PlanRevision.of(plan, caller.name());
        plan.type = change.type();
        plan.title = change.title().strip();
        plan.searchTitle = SearchText.fold(plan.title);
        plan.objectives = change.objectives();
        plan.indicatorCodes = indicators;
        plan.periodStart = change.periodStart();
        plan.periodEnd = change.periodEnd();
        plan.parentPlanId = change.parentPlanId();
        plan.updatedAt = OffsetDateTime.now();
        plan.revision++;
        PlanRevision after = PlanRevision.of(plan, caller.name());
        after.persist();
        Plan.flush();
        events.updated(plan, caller.name());
        if (plan.isDecided()) {
            wordingChanges.fire(new PlanDecisions.WordingChanged(plan, before, after, caller.name()));
        }
        return PlanView.of(plan);
    }

    /** A plan's children must still derive from a plan of its (new) type. */
    private static void requireChildrenFit(Plan plan, PlanType type) {
        for (Plan child : Plan.<Plan>list("parentPlanId", plan.id)) {
            if (!child.type.parentTypes().contains(type)) {
                throw ProblemException.invalidField("children-need-other-type", "type", "the " + child.type
                        + " plan '" + child.title + "' derives from this one and needs a " + or(child.type.parentTypes())
                        + " parent");
            }
        }
    }

    @Transactional
    public PlanView patch(UUID id, Integer basedOn, PlanChange.Patch patch) {
        return replace(id, basedOn, patch.over(find(id)));
    }

    /** The plan's campaigns and child plans must still fit a changed period. */
    private static void requireContentStillInside(Plan plan, LocalDate start, LocalDate end) {
        long children = Plan.count("parentPlanId = ?1 and (periodStart < ?2 or periodEnd > ?3)", plan.id, start, end);
        Number campaigns = (Number) Plan.getEntityManager().createNativeQuery(
                        "select count(*) from campaign where plan_id = :plan and (start_date < :start or end_date > :end)")
                .setParameter("plan", plan.id).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
        if (children > 0 || campaigns.longValue() > 0) {
            throw ProblemException.invalidField("period-excludes-content", "periodStart",
                    "the new period leaves out " + campaigns + " campaign(s) and " + children + " child plan(s)");
        }
    }

    @Transactional
    public PlanView transition(UUID id, Integer basedOn, PlanChange.Transition request) {
        Plan plan = lock(id);
        IfMatch.check(basedOn, plan.version, "Plan " + id);
        workflow.requireLegal(plan, request.action());
        workflow.requireMayAct(plan, request.action(), owner(plan));
        PlanWorkflow.requireReason(request.action(), request.reason());
        move(plan, request.action(), caller.name(), request.reason());
        if (request.action() == PlanAction.APPROVE) {
            approvals.fire(new PlanDecisions.Approved(plan, caller.name()));
        }
        return PlanView.of(plan);
    }

    /**
     * Refuses with 403 anyone who may not decide this plan: the same people who approve or return it
     * ({@link PlanWorkflow#requireMayAct}), for features that hold changes for the plan's decider.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireDecider(Plan plan) {
        workflow.requireMayAct(plan, PlanAction.APPROVE, owner(plan));
    }

    /** Whether {@code ancestorId} is a plan above this one in the cascade. */
    public static boolean isAbove(UUID ancestorId, Plan plan) {
        return PlanLineage.isAbove(ancestorId, plan);
    }

    private void move(Plan plan, PlanAction action, String actor, String reason) {
        PlanTransition transition = new PlanTransition();
        transition.planId = plan.id;
        transition.action = action;
        transition.fromStatus = plan.status;
        transition.toStatus = action.target(plan.status);
        transition.actor = actor == null ? "system" : actor;
        transition.reason = reason == null || reason.isBlank() ? null : reason.strip();
        transition.at = OffsetDateTime.now();
        transition.persist();
        plan.status = transition.toStatus;
        plan.updatedAt = transition.at;
        Plan.flush();
        events.transitioned(plan, action, transition.actor, transition.reason);
    }

    /** Plans not closed follow their owner unit into its successor, with the move on record. */
    void takeOver(@Observes OrgUnitsTakenOver takeover) {
        List<Plan> plans = Plan.list("ownerUnitCode in ?1 and status <> ?2", takeover.formerCodes(), PlanStatus.CLOSED);
        for (Plan plan : plans) {
            String from = plan.ownerUnitCode;
            plan.ownerUnitCode = takeover.successorCode();
            move(plan, PlanAction.TRANSFER, takeover.actor(), "org unit '" + from + "' taken over by '"
                    + takeover.successorCode() + "' from " + takeover.effectiveDate());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView get(UUID id) {
        return PlanView.of(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanChange.TransitionView> transitions(UUID id) {
        find(id);
        return PlanTransition.<PlanTransition>list("planId = ?1 order by id", id).stream()
                .map(PlanChange.TransitionView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanChange.RevisionView> revisions(UUID id) {
        find(id);
        return PlanRevision.<PlanRevision>list("planId = ?1 order by revision", id).stream()
                .map(PlanChange.RevisionView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanChange.RevisionView revision(UUID id, int number) {
        find(id);
        return PlanRevision.<PlanRevision>find("planId = ?1 and revision = ?2", id, number).firstResultOptional()
                .map(PlanChange.RevisionView::of)
                .orElseThrow(() -> ProblemException.notFound("Revision", id + "/" + number));
    }

    private static Plan find(UUID id) {
        return Plan.<Plan>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id.toString()));
    }

    /** Writers queue on the row, so of two updates based on one version the second sees the first's and gets 412. */
    private static Plan lock(UUID id) {
        return Plan.<Plan>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Plan", id.toString()));
    }

    private static OrgUnit owner(Plan plan) {
        return OrgUnit.findByCode(plan.ownerUnitCode)
                .orElseThrow(() -> new IllegalStateException("Plan " + plan.id + " has no owner unit"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<PlanView> list(PlanFilter filter, PageRequest paging) {
        PanacheQuery<Plan> query = query(filter, paging.sort).get();
        List<PlanView> items = query.page(Page.of(paging.page, paging.size)).list().stream().map(PlanView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query, checked now and built when asked: an export runs it in its own transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supplier<PanacheQuery<Plan>> query(PlanFilter filter, String sortParameter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.type() != null) {
            conditions.add("type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.ownerUnitCode() != null) {
            conditions.add("ownerUnitCode = :owner");
            parameters.put("owner", filter.ownerUnitCode());
        }
        if (filter.subtreeOf() != null) {
            String root = OrgUnit.findByCode(filter.subtreeOf()).map(unit -> unit.path).orElseThrow(() ->
                    ProblemException.invalidField("unknown-org-unit", "subtreeOf", "no org unit '" + filter.subtreeOf() + "'"));
            conditions.add("ownerUnitCode in (select u.code from OrgUnit u where u.path like :subtree)");
            parameters.put("subtree", root + "%");
        }
        if (filter.parentPlanId() != null) {
            conditions.add("parentPlanId = :parent");
            parameters.put("parent", filter.parentPlanId());
        }
        if (filter.from() != null) {
            conditions.add("periodEnd >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("periodStart <= :to");
            parameters.put("to", filter.to());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            conditions.add("searchTitle like :query" + SearchText.LIKE_ESCAPE);
            parameters.put("query", SearchText.containsPattern(filter.query()));
        }
        // The id last, so that plans created at the same instant keep one order across pages and exports.
        Sort sort = Sorting.of(sortParameter, SORTABLE, Sort.descending("createdAt")).and("id");
        return conditions.isEmpty()
                ? () -> Plan.<Plan>findAll(sort)
                : () -> Plan.<Plan>find(String.join(" and ", conditions), sort, parameters);
    }

    /** @param from, to: plans whose period overlaps [from, to] */
    public record PlanFilter(PlanType type, PlanStatus status, String ownerUnitCode, String subtreeOf,
            UUID parentPlanId, LocalDate from, LocalDate to, String query) {
    }

    public record Created(PlanView plan, boolean isNew) {
    }

    /** The view of a plan this service returns, for features built on plans. */
    public static PlanView view(Plan plan) {
        return PlanView.of(plan);
    }
}
