package vn.commops.plan.assignment;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;
import vn.commops.plan.orgunit.OrgUnit;

/** Assignments read one by one or listed by plan, campaign, parent or unit, each with its progress. */
@ApplicationScoped
public class AssignmentQueries {

    private static final Map<String, String> SORTABLE = Map.of("dueDate", "dueDate", "createdAt", "createdAt",
            "orgUnitCode", "orgUnitCode", "quantity", "quantity");

    private final AssignmentProgress progress;

    AssignmentQueries(AssignmentProgress progress) {
        this.progress = progress;
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
        PanacheQuery<Assignment> query = query(filter, paging.sort).get();
        List<AssignmentView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(assignment -> AssignmentView.of(assignment, progress.of(assignment, counting))).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query, checked now and built when asked: an export runs it in its own transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supplier<PanacheQuery<Assignment>> query(Filter filter, String sortParameter) {
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
        // The id last, so that assignments due and created alike keep one order across pages and exports.
        Sort sort = Sorting.of(sortParameter, SORTABLE, Sort.ascending("dueDate").and("createdAt")).and("id");
        return conditions.isEmpty()
                ? () -> Assignment.<Assignment>findAll(sort)
                : () -> Assignment.<Assignment>find(String.join(" and ", conditions), sort, parameters);
    }

    /** How an export reads an assignment's progress, row by row inside its own transaction. */
    Function<Assignment, AssignmentProgress.Progress> progress(Counting counting) {
        return assignment -> progress.of(assignment, counting);
    }

    public record Filter(UUID planId, UUID campaignId, UUID parentAssignmentId, String orgUnitCode, String subtreeOf,
            UUID sourceCaseId) {
    }
}
