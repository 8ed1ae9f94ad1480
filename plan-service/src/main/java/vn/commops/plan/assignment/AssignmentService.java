package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.plan.campaign.Campaign;
import vn.commops.plan.form.FormCatalogue;
import vn.commops.plan.orgunit.OrgUnit;
import vn.commops.plan.plan.Plan;
import vn.commops.plan.plan.PlanStatus;

/**
 * Assignments made and changed: a task handed to a unit (or, with a parent, a share of a higher one:
 * AssignmentCascade), a change within its parent and plan, a post-crisis task from crisis-service.
 * Listing is AssignmentQueries', copying with a plan AssignmentCloning's.
 */
@ApplicationScoped
public class AssignmentService {

    private final NewAssignments assignments;
    private final AssignmentCascade cascade;
    private final AssignmentEvents events;
    private final CascadeLimits limits;
    private final BudgetLimits budgets;
    private final AssignmentAmendments amendments;
    private final Caller caller;
    private final FormCatalogue catalogue;
    private final AssignmentConfig config;

    AssignmentService(NewAssignments assignments, AssignmentCascade cascade, AssignmentEvents events,
            CascadeLimits limits, BudgetLimits budgets, AssignmentAmendments amendments, Caller caller,
            FormCatalogue catalogue, AssignmentConfig config) {
        this.catalogue = catalogue;
        this.config = config;
        this.assignments = assignments;
        this.cascade = cascade;
        this.events = events;
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
                return new Created(assignments.view(earlier.get()), false);
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
            return cascade.share(request);
        }
        OrgUnit unit = NewAssignments.openUnit(request.orgUnitCode(), "orgUnitCode");
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
                : campaign != null ? campaign.startDate : plan != null ? plan.periodStart : LocalDate.now(config.zone());
        if (plan != null && (request.dueDate().isAfter(plan.periodEnd) || start.isBefore(plan.periodStart))) {
            throw ProblemException.invalidField("assignment-outside-plan", "dueDate",
                    "the task must run within its plan's period " + plan.periodStart + " to " + plan.periodEnd);
        }
        if (request.form() != null) {
            catalogue.requireUsable(request.form(), "form", false);
        }
        Assignment assignment = NewAssignments.of(request, unit.code, start, request.dueDate(), caller.name());
        if (campaign != null) {
            budgets.requireWithinCampaign(campaign.id, null, assignment.budgetVnd);
        }
        assignment.planId = planId;
        assignment.campaignId = request.campaignId();
        assignment.form = request.form();
        assignment.lineage = "/" + assignment.id + "/";
        assignments.persist(assignment);
        return assignments.view(assignment);
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
        Map<String, Long> targets = new TreeMap<>(change.targets() == null ? assignment.targets
                : NewAssignments.targets(change.targets()));
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
        return new Updated(assignments.view(assignment), amendment);
    }

    /** Turns crisis-service's request into an assignment; false when this request already made one. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean createPostCrisis(PostCrisisCommunication.Request request) {
        if (Assignment.count("sourceRequestId", request.requestId()) > 0) {
            return false;
        }
        OrgUnit unit = OrgUnit.findByCode(request.orgUnitCode()).filter(OrgUnit::isOpen).orElseThrow(() ->
                new PostCrisisCommunication.UnknownUnitException(request.orgUnitCode()));
        LocalDate today = LocalDate.now(config.zone());
        LocalDate due = request.dueDate() == null ? today.plusDays(14) : request.dueDate();
        List<String> forms = request.forms() == null ? List.of() : request.forms();
        String description = request.brief() == null ? "" : request.brief();
        if (forms.size() > 1) {
            description += (description.isEmpty() ? "" : "\n") + "Hình thức yêu cầu: " + forms;
        }
        Assignment assignment = NewAssignments.of(new AssignmentRequest(null, null, null, unit.code, request.title(),
                description, null, request.quantity() == null ? 1 : request.quantity(), 0L, null, due, null, null),
                unit.code, today.isAfter(due) ? due : today, due, request.requestedBy());
        // crisis-service asks in any words; the task expects the first form the catalogue can take, or any.
        assignment.form = forms.stream().filter(form -> catalogue.usable(form) != null).findFirst().orElse(null);
        assignment.sourceCaseId = request.caseId();
        assignment.sourceRequestId = request.requestId();
        assignment.lineage = "/" + assignment.id + "/";
        assignments.persist(assignment);
        return true;
    }
}
