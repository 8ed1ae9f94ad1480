package vn.commops.plan.assignment;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.plan.campaign.Campaign;
import vn.commops.plan.orgunit.OrgUnit;
import vn.commops.plan.orgunit.OrgUnitsTakenOver;
import vn.commops.plan.plan.Plan;
import vn.commops.plan.plan.PlanStatus;

@ApplicationScoped
public class AssignmentService {

    private static final Map<String, String> SORTABLE = Map.of("dueDate", "dueDate", "createdAt", "createdAt",
            "orgUnitCode", "orgUnitCode", "quantity", "quantity");

    private final AssignmentEvents events;
    private final AssignmentProgress progress;
    private final CascadeLimits limits;
    private final BudgetLimits budgets;
    private final AssignmentAmendments amendments;
    private final Caller caller;

    AssignmentService(AssignmentEvents events, AssignmentProgress progress, CascadeLimits limits, BudgetLimits budgets,
            AssignmentAmendments amendments, Caller caller) {
        this.events = events;
        this.progress = progress;
        this.limits = limits;
        this.budgets = budgets;
        this.amendments = amendments;
        this.caller = caller;
    }

    /** A retry with the same idempotency key returns the assignment the first attempt created. */
    @Transactional
    public Created create(AssignmentRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = Assignment.<Assignment>find("idempotencyKey", idempotencyKey).firstResultOptional();
            if (earlier.isPresent()) {
                OrgUnit unit = OrgUnit.findByCode(earlier.get().orgUnitCode).orElseThrow();
                caller.requireUnit(unit.code, unit.path, "orgUnitCode");
                return new Created(view(earlier.get()), false);
            }
        }
        AssignmentView created = create(request);
        if (idempotencyKey != null) {
            Assignment.<Assignment>findById(created.id()).idempotencyKey = idempotencyKey;
        }
        return new Created(created, true);
    }

    public record Created(AssignmentView assignment, boolean isNew) {
    }

    private AssignmentView create(AssignmentRequest request) {
        if (request.parentAssignmentId() != null) {
            Assignment parent = lockParent(request.parentAssignmentId(), "parentAssignmentId");
            limits.requireWithin(parent, List.of(request), "");
            return view(share(parent, request, ""));
        }
        OrgUnit unit = openUnit(request.orgUnitCode(), "orgUnitCode");
        Plan plan = null;
        Campaign campaign = null;
        if (request.campaignId() != null) {
            campaign = Campaign.<Campaign>findByIdOptional(request.campaignId()).orElseThrow(() ->
                    ProblemException.invalidField("unknown-campaign", "campaignId", "no campaign '" + request.campaignId() + "'"));
            if (request.planId() != null && !request.planId().equals(campaign.planId)) {
                throw ProblemException.invalidField("campaign-of-another-plan", "campaignId",
                        "the campaign belongs to plan " + campaign.planId);
            }
        }
        UUID planId = campaign != null ? campaign.planId : request.planId();
        if (planId != null) {
            plan = Plan.<Plan>findByIdOptional(planId).orElseThrow(() ->
                    ProblemException.invalidField("unknown-plan", "planId", "no plan '" + planId + "'"));
            OrgUnit owner = OrgUnit.findByCode(plan.ownerUnitCode).orElseThrow();
            caller.requireUnit(owner.code, owner.path, "planId");
            if (plan.status == PlanStatus.CLOSED) {
                throw ProblemException.conflict("plan-closed", "Plan " + plan.id + " is closed");
            }
            if (!unit.path.startsWith(owner.path)) {
                throw ProblemException.invalidField("unit-outside-plan-owner", "orgUnitCode",
                        "'" + unit.code + "' is not '" + owner.code + "' or a unit below it");
            }
        } else {
            caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        }
        if (request.dueDate() == null) {
            throw ProblemException.badRequest("due-date-required", "dueDate", "must not be null");
        }
        LocalDate start = request.startDate() != null ? request.startDate()
                : campaign != null ? campaign.startDate : plan != null ? plan.periodStart : LocalDate.now();
        if (plan != null && (request.dueDate().isAfter(plan.periodEnd) || start.isBefore(plan.periodStart))) {
            throw ProblemException.invalidField("assignment-outside-plan", "dueDate",
                    "the task must run within its plan's period " + plan.periodStart + " to " + plan.periodEnd);
        }
        Assignment assignment = newAssignment(request, unit.code, start, request.dueDate(), caller.name());
        if (campaign != null) {
            budgets.requireWithinCampaign(campaign.id, null, assignment.budgetVnd);
        }
        assignment.planId = planId;
        assignment.campaignId = request.campaignId();
        assignment.form = request.form();
        assignment.lineage = "/" + assignment.id + "/";
        persist(assignment);
        return view(assignment);
    }

    /** Splits an assignment among units below its own; the shares together stay within the parent. */
    @Transactional
    public List<AssignmentView> split(UUID parentId, AssignmentRequest.Split split) {
        Assignment parent = lockParent(parentId, "id");
        List<AssignmentRequest> shares = split.children().stream().map(share -> share.under(parentId)).toList();
        limits.requireWithin(parent, shares, "children");
        List<AssignmentView> created = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            created.add(view(share(parent, shares.get(i), "children[" + i + "].")));
        }
        return created;
    }

    private Assignment lockParent(UUID id, String field) {
        Assignment parent = Assignment.<Assignment>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() ->
                "id".equals(field) ? ProblemException.notFound("Assignment", id.toString())
                        : ProblemException.invalidField("unknown-assignment", field, "no assignment '" + id + "'"));
        OrgUnit unit = OrgUnit.findByCode(parent.orgUnitCode).orElseThrow();
        caller.requireUnit(unit.code, unit.path, field);
        if (parent.status != Assignment.Status.OPEN) {
            throw ProblemException.conflict("assignment-not-open", "Assignment " + id + " is " + parent.status);
        }
        return parent;
    }

    private Assignment share(Assignment parent, AssignmentRequest request, String prefix) {
        OrgUnit unit = openUnit(request.orgUnitCode(), prefix + "orgUnitCode");
        OrgUnit parentUnit = OrgUnit.findByCode(parent.orgUnitCode).orElseThrow();
        if (!unit.path.startsWith(parentUnit.path) || unit.path.equals(parentUnit.path)) {
            throw ProblemException.invalidField("share-not-below-parent", prefix + "orgUnitCode",
                    "'" + unit.code + "' is not a unit below '" + parentUnit.code + "'");
        }
        LocalDate due = request.dueDate() == null ? parent.dueDate : request.dueDate();
        if (due.isAfter(parent.dueDate)) {
            throw ProblemException.invalidField("share-due-after-parent", prefix + "dueDate",
                    "must not be after the parent's due date " + parent.dueDate);
        }
        Assignment child = newAssignment(request, unit.code, parent.startDate.isAfter(due) ? due : parent.startDate,
                due, caller.name());
        child.planId = parent.planId;
        child.campaignId = parent.campaignId;
        child.parentAssignmentId = parent.id;
        child.form = parent.form;
        if (child.title == null) {
            child.title = parent.title;
        }
        child.lineage = parent.lineage + child.id + "/";
        persist(child);
        return child;
    }

    private static Assignment newAssignment(AssignmentRequest request, String unitCode, LocalDate start, LocalDate due,
            String actor) {
        if (due.isBefore(start)) {
            throw ProblemException.invalidField("due-before-start", "dueDate", "must not be before " + start);
        }
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.orgUnitCode = unitCode;
        assignment.title = request.title() == null ? null : request.title().strip();
        assignment.description = request.description();
        assignment.quantity = request.quantity();
        assignment.budgetVnd = request.budgetVnd() == null ? 0 : request.budgetVnd();
        assignment.startDate = start;
        assignment.dueDate = due;
        assignment.responsible = request.responsible();
        assignment.status = Assignment.Status.OPEN;
        assignment.targets = new TreeMap<>(targets(request.targets()));
        assignment.createdBy = actor == null ? "system" : actor;
        assignment.createdAt = OffsetDateTime.now();
        assignment.updatedAt = assignment.createdAt;
        return assignment;
    }

    static Map<String, Long> targets(Map<String, Long> requested) {
        if (requested == null) {
            return Map.of();
        }
        for (String metric : requested.keySet()) {
            if (!OutcomeMetric.known(metric)) {
                throw ProblemException.invalidField("unknown-outcome-metric", "targets." + metric,
                        "not one of " + OutcomeMetric.list());
            }
        }
        return requested;
    }

    private void persist(Assignment assignment) {
        if (assignment.title == null || assignment.title.isBlank()) {
            assignment.title = assignment.form == null ? "Nhiệm vụ truyền thông" : "Nhiệm vụ " + assignment.form;
        }
        assignment.persist();
        amendments.afterCreate(assignment, assignment.createdBy);
        Assignment.flush();
        events.publish(AssignmentEvents.CREATED, assignment);
    }

    /** The assignment after a change, and the amendment holding its amounts for the plan's decider (or null). */
    public record Updated(AssignmentView assignment, UUID amendmentId) {
    }

    /**
     * Changes a task: its shares must still fit within it, and it within its parent (what the siblings
     * already hold counted); closing it frees what it held of the parent. On an approved or active plan
     * changed amounts wait for the plan's decider (AssignmentAmendments), the rest applies and is recorded.
     */
    @Transactional
    public Updated update(UUID id, Integer basedOn, AssignmentChange change) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Assignment", id.toString()));
        vn.commops.common.api.IfMatch.check(basedOn, assignment.version, "Assignment " + id);
        OrgUnit unit = OrgUnit.findByCode(assignment.orgUnitCode).orElseThrow();
        Assignment parent = assignment.parentAssignmentId == null ? null
                : Assignment.<Assignment>findById(assignment.parentAssignmentId);
        OrgUnit decider = parent == null ? unit : OrgUnit.findByCode(parent.orgUnitCode).orElseThrow();
        caller.requireUnit(decider.code, decider.path, "orgUnitCode");
        if (assignment.status != Assignment.Status.OPEN) {
            throw ProblemException.conflict("assignment-not-open", "Assignment " + id + " is " + assignment.status);
        }
        int quantity = change.quantity() == null ? assignment.quantity : change.quantity();
        long budget = change.budgetVnd() == null ? assignment.budgetVnd : change.budgetVnd();
        Map<String, Long> targets = new TreeMap<>(change.targets() == null ? assignment.targets : targets(change.targets()));
        LocalDate due = change.dueDate() == null ? assignment.dueDate : change.dueDate();
        if (due.isBefore(assignment.startDate)) {
            throw ProblemException.invalidField("due-before-start", "dueDate", "must not be before " + assignment.startDate);
        }
        if (parent != null && due.isAfter(parent.dueDate)) {
            throw ProblemException.invalidField("share-due-after-parent", "dueDate",
                    "must not be after the parent's due date " + parent.dueDate);
        }
        if (Assignment.count("parentAssignmentId = ?1 and status = ?2 and dueDate > ?3", id, Assignment.Status.OPEN,
                due) > 0) {
            throw ProblemException.invalidField("due-before-shares", "dueDate", "some shares are due after " + due);
        }
        Map<String, Object> before = AssignmentAmendments.content(assignment);
        boolean closing = change.status() == Assignment.Status.CLOSED;
        if (!closing) {
            limits.requireHolds(assignment, quantity, budget, targets);
            if (parent != null) {
                limits.requireWithin(parent, id, quantity, budget, targets);
            } else if (assignment.campaignId != null && budget > assignment.budgetVnd) {
                budgets.requireWithinCampaign(assignment.campaignId, id, budget);
            }
        }
        if (change.title() != null) {
            assignment.title = change.title().strip();
        }
        if (change.description() != null) {
            assignment.description = change.description();
        }
        if (change.responsible() != null) {
            assignment.responsible = change.responsible();
        }
        assignment.quantity = quantity;
        assignment.budgetVnd = budget;
        assignment.targets.clear();
        assignment.targets.putAll(targets);
        assignment.dueDate = due;
        if (closing) {
            assignment.status = Assignment.Status.CLOSED;
        }
        UUID amendment = amendments.afterChange(assignment, before, caller.name());
        assignment.updatedAt = OffsetDateTime.now();
        Assignment.flush();
        events.publish(AssignmentEvents.UPDATED, assignment);
        return new Updated(view(assignment), amendment);
    }

    /** Turns crisis-service's request into an assignment; false when this request already made one. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean createPostCrisis(PostCrisisCommunication.Request request) {
        if (Assignment.count("sourceRequestId", request.requestId()) > 0) {
            return false;
        }
        OrgUnit unit = OrgUnit.findByCode(request.orgUnitCode()).filter(OrgUnit::isOpen).orElseThrow(() ->
                new PostCrisisCommunication.UnknownUnitException(request.orgUnitCode()));
        LocalDate today = LocalDate.now();
        LocalDate due = request.dueDate() == null ? today.plusDays(14) : request.dueDate();
        List<vn.commops.plan.campaign.CommunicationForm> forms = request.forms() == null ? List.of() : request.forms();
        String description = request.brief() == null ? "" : request.brief();
        if (forms.size() > 1) {
            description += (description.isEmpty() ? "" : "\n") + "Hình thức yêu cầu: " + forms;
        }
        Assignment assignment = newAssignment(new AssignmentRequest(null, null, null, unit.code, request.title(),
                description, null, request.quantity() == null ? 1 : request.quantity(), 0L, null, due, null, null),
                unit.code, today.isAfter(due) ? due : today, due, request.requestedBy());
        assignment.form = forms.isEmpty() ? null : forms.get(0);
        assignment.sourceCaseId = request.caseId();
        assignment.sourceRequestId = request.requestId();
        assignment.lineage = "/" + assignment.id + "/";
        persist(assignment);
        return true;
    }

    /** Open assignments follow their unit into its successor, with where they came from on record. */
    void takeOver(@Observes OrgUnitsTakenOver takeover) {
        List<Assignment> open = Assignment.list("orgUnitCode in ?1 and status = ?2", takeover.formerCodes(),
                Assignment.Status.OPEN);
        for (Assignment assignment : open) {
            assignment.transferredFrom = assignment.orgUnitCode;
            assignment.orgUnitCode = takeover.successorCode();
            assignment.updatedAt = OffsetDateTime.now();
            Assignment.flush();
            events.publish(AssignmentEvents.TRANSFERRED, assignment);
        }
    }

    /** What a plan's clone did with its assignments: how many were copied, which units were mapped and which dropped. */
    public record CopyReport(int copied, List<UnitMapped> mapped, List<Dropped> dropped) {
    }

    @Schema(name = "CloneUnitMapped", description = "An assignment whose unit had closed or merged, copied to the successor")
    public record UnitMapped(@Schema(description = "The copy") UUID assignmentId,
            @Schema(examples = "Tuyên truyền nhóm nhỏ tháng 6") String title,
            @Schema(examples = "YB") String from, @Schema(examples = "LC") String to) {
    }

    @Schema(name = "CloneAssignmentDropped", description = "An assignment not copied, and why")
    public record Dropped(@Schema(description = "The original") UUID assignmentId,
            @Schema(examples = "Tuyên truyền nhóm nhỏ tháng 6") String title,
            @Schema(examples = "LC-BAOTHANG") String orgUnitCode,
            @Schema(examples = "the unit closed and has no successor") String reason) {
    }

    /**
     * Copies a plan's assignments into its clone with dates moved by {@code shift}, keeping their cascade
     * and pointing them at the copied campaigns. An assignment whose unit no longer exists on the copy's start
     * goes to the unit's successor (followed through successive reorganisations); with no successor, or one
     * outside the parent assignment's unit, it is dropped with its shares.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CopyReport copyAll(UUID fromPlanId, UUID toPlanId, UnaryOperator<LocalDate> shift,
            Map<UUID, UUID> campaignCopies) {
        Map<UUID, Assignment> copies = new HashMap<>();
        Map<UUID, String> droppedIds = new HashMap<>();
        List<UnitMapped> mapped = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        List<Assignment> originals = Assignment.list("planId = ?1 order by length(lineage), createdAt", fromPlanId);
        for (Assignment original : originals) {
            LocalDate start = shift.apply(original.startDate);
            if (original.parentAssignmentId != null && droppedIds.containsKey(original.parentAssignmentId)) {
                droppedIds.put(original.id, original.orgUnitCode);
                dropped.add(new Dropped(original.id, original.title, original.orgUnitCode,
                        "its parent assignment (" + droppedIds.get(original.parentAssignmentId) + ") was dropped"));
                continue;
            }
            Assignment parent = original.parentAssignmentId == null ? null : copies.get(original.parentAssignmentId);
            OrgUnit unit = openOn(original.orgUnitCode, start);
            String refusal = unit == null ? closedWithoutSuccessor(original.orgUnitCode, start)
                    : parent != null && !unit.path.contains("/" + parent.orgUnitCode + "/")
                            ? "its unit's successor " + unit.code + " is not within " + parent.orgUnitCode
                                    + ", the unit of its parent assignment"
                            : null;
            if (refusal != null) {
                droppedIds.put(original.id, original.orgUnitCode);
                dropped.add(new Dropped(original.id, original.title, original.orgUnitCode, refusal));
                continue;
            }
            Assignment copy = new Assignment();
            copy.id = UUID.randomUUID();
            copy.planId = toPlanId;
            copy.campaignId = original.campaignId == null ? null : campaignCopies.get(original.campaignId);
            copy.parentAssignmentId = parent == null ? null : parent.id;
            copy.lineage = (parent == null ? "/" : parent.lineage) + copy.id + "/";
            copy.orgUnitCode = unit.code;
            copy.title = original.title;
            copy.description = original.description;
            copy.form = original.form;
            copy.quantity = original.quantity;
            copy.budgetVnd = original.budgetVnd;
            copy.startDate = start;
            copy.dueDate = shift.apply(original.dueDate);
            copy.responsible = original.responsible;
            copy.status = Assignment.Status.OPEN;
            copy.targets = new TreeMap<>(original.targets);
            copy.createdBy = caller.name();
            copy.createdAt = OffsetDateTime.now();
            copy.updatedAt = copy.createdAt;
            persist(copy);
            copies.put(original.id, copy);
            if (!unit.code.equals(original.orgUnitCode)) {
                mapped.add(new UnitMapped(copy.id, copy.title, original.orgUnitCode, unit.code));
            }
        }
        return new CopyReport(copies.size(), mapped, dropped);
    }

    /** The unit if it still exists on the day, else its successor's, following successors (at most 20 hops). */
    private static OrgUnit openOn(String code, LocalDate day) {
        OrgUnit unit = OrgUnit.findByCode(code).orElse(null);
        for (int hop = 0; unit != null && hop < 20; hop++) {
            if (unit.validTo == null || !unit.validTo.isBefore(day)) {
                return unit;
            }
            unit = unit.successorCode == null ? null : OrgUnit.findByCode(unit.successorCode).orElse(null);
        }
        return null;
    }

    private static String closedWithoutSuccessor(String code, LocalDate day) {
        return OrgUnit.findByCode(code).map(unit -> code + " stopped existing after " + unit.validTo
                + (unit.successorCode == null ? " with no successor" : " and no successor exists on " + day))
                .orElse(code + " is not a known org unit");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssignmentView get(UUID id) {
        return get(id, Counting.ALL);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssignmentView get(UUID id, Counting counting) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Assignment", id.toString()));
        return AssignmentView.of(assignment, progress.of(assignment, counting));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<AssignmentView> list(Filter filter, PageRequest paging) {
        return list(filter, paging, Counting.ALL);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<AssignmentView> list(Filter filter, PageRequest paging, Counting counting) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.planId() != null) {
            conditions.add("planId = :plan");
            parameters.put("plan", filter.planId());
        }
        if (filter.campaignId() != null) {
            conditions.add("campaignId = :campaign");
            parameters.put("campaign", filter.campaignId());
        }
        if (filter.parentAssignmentId() != null) {
            conditions.add("parentAssignmentId = :parent");
            parameters.put("parent", filter.parentAssignmentId());
        }
        if (filter.orgUnitCode() != null) {
            conditions.add("orgUnitCode = :unit");
            parameters.put("unit", filter.orgUnitCode());
        }
        if (filter.subtreeOf() != null) {
            String root = OrgUnit.findByCode(filter.subtreeOf()).map(unit -> unit.path).orElseThrow(() ->
                    ProblemException.invalidField("unknown-org-unit", "subtreeOf", "no org unit '" + filter.subtreeOf() + "'"));
            conditions.add("orgUnitCode in (select u.code from OrgUnit u where u.path like :subtree)");
            parameters.put("subtree", root + "%");
        }
        if (filter.sourceCaseId() != null) {
            conditions.add("sourceCaseId = :case");
            parameters.put("case", filter.sourceCaseId());
        }
        Sort sort = Sorting.of(paging.sort, SORTABLE, Sort.ascending("dueDate").and("createdAt"));
        var query = conditions.isEmpty() ? Assignment.<Assignment>findAll(sort)
                : Assignment.<Assignment>find(String.join(" and ", conditions), sort, parameters);
        List<AssignmentView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(assignment -> AssignmentView.of(assignment, progress.of(assignment, counting))).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    public record Filter(UUID planId, UUID campaignId, UUID parentAssignmentId, String orgUnitCode, String subtreeOf,
            UUID sourceCaseId) {
    }

    private AssignmentView view(Assignment assignment) {
        return AssignmentView.of(assignment, progress.of(assignment));
    }

    private static OrgUnit openUnit(String code, String field) {
        OrgUnit unit = OrgUnit.findByCode(code).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", field, "no org unit '" + code + "'"));
        if (!unit.isOpen()) {
            throw ProblemException.invalidField("org-unit-closed", field,
                    "'" + code + "' stopped existing after " + unit.validTo);
        }
        return unit;
    }
}
