package vn.commops.plan.plan;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.text.SearchText;
import vn.commops.plan.orgunit.OrgUnit;

@ApplicationScoped
public class PlanService {

    private static final Map<String, String> SORTABLE = Map.of("title", "searchTitle", "periodStart", "periodStart",
            "createdAt", "createdAt", "type", "type", "status", "status");

    private final PlanEvents events;
    private final Caller caller;

    PlanService(PlanEvents events, Caller caller) {
        this.events = events;
        this.caller = caller;
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
        if (request.parentPlanId() != null) {
            Plan parent = Plan.<Plan>findByIdOptional(request.parentPlanId()).orElseThrow(() ->
                    ProblemException.invalidField("unknown-plan", "parentPlanId",
                            "no plan '" + request.parentPlanId() + "'"));
            if (!parent.contains(request.periodStart(), request.periodEnd())) {
                throw ProblemException.invalidField("period-outside-parent", "periodStart",
                        "the period must lie within the parent plan's " + parent.periodStart + " to "
                                + parent.periodEnd);
            }
        }
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.type = request.type();
        plan.title = request.title().strip();
        plan.searchTitle = SearchText.fold(plan.title);
        plan.objectives = request.objectives();
        plan.ownerUnitCode = request.ownerUnitCode();
        plan.periodStart = request.periodStart();
        plan.periodEnd = request.periodEnd();
        plan.parentPlanId = request.parentPlanId();
        plan.status = PlanStatus.DRAFT;
        plan.idempotencyKey = idempotencyKey;
        plan.createdAt = OffsetDateTime.now();
        plan.updatedAt = plan.createdAt;
        plan.persist();
        events.created(plan);
        return new Created(PlanView.of(plan), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView get(UUID id) {
        return Plan.<Plan>findByIdOptional(id).map(PlanView::of)
                .orElseThrow(() -> ProblemException.notFound("Plan", id.toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<PlanView> list(PlanFilter filter, PageRequest paging) {
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
        if (filter.query() != null && !filter.query().isBlank()) {
            conditions.add("searchTitle like :query");
            parameters.put("query", SearchText.containsPattern(filter.query()));
        }
        Sort sort = Sorting.of(paging.sort, SORTABLE, Sort.descending("createdAt"));
        var query = conditions.isEmpty()
                ? Plan.<Plan>findAll(sort)
                : Plan.<Plan>find(String.join(" and ", conditions), sort, parameters);
        List<PlanView> items = query.page(Page.of(paging.page, paging.size)).list().stream().map(PlanView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    public record PlanFilter(PlanType type, PlanStatus status, String ownerUnitCode, String query) {
    }

    public record Created(PlanView plan, boolean isNew) {
    }
}
