package vn.commops.plan.orgunit;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.text.SearchText;

@ApplicationScoped
public class OrgUnitService {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "searchName", "path", "path");

    private final OrgUnitEvents events;
    private final Caller caller;

    OrgUnitService(OrgUnitEvents events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    @Transactional
    public OrgUnitView create(OrgUnitRequest request) {
        if (OrgUnit.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("org-unit-exists", "An org unit with code '" + request.code() + "' exists");
        }
        OrgLevel level = OrgLevel.<OrgLevel>findByIdOptional(request.levelCode()).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-level", "levelCode",
                        "no level '" + request.levelCode() + "'"));
        OrgUnit parent = parentFor(request, level);

        OrgUnit unit = new OrgUnit();
        unit.code = request.code();
        unit.name = request.name().strip();
        unit.searchName = SearchText.fold(unit.name);
        unit.level = level;
        unit.parent = parent;
        unit.path = OrgUnit.childPath(parent == null ? null : parent.path, unit.code);
        unit.validFrom = request.validFrom() == null ? LocalDate.now() : request.validFrom();
        unit.createdAt = OffsetDateTime.now();
        unit.persist();
        events.created(unit);
        return OrgUnitView.of(unit);
    }

    private OrgUnit parentFor(OrgUnitRequest request, OrgLevel level) {
        if (request.parentCode() == null) {
            if (level.depth != 0) {
                throw ProblemException.invalidField("parent-required", "parentCode",
                        "is required for a unit of level " + level.code);
            }
            caller.requireUnit(request.code(), null, "parentCode");
            return null;
        }
        OrgUnit parent = OrgUnit.findByCode(request.parentCode()).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", "parentCode",
                        "no org unit '" + request.parentCode() + "'"));
        caller.requireUnit(parent.code, parent.path, "parentCode");
        if (parent.level.depth >= level.depth) {
            throw ProblemException.invalidField("level-not-below-parent", "levelCode",
                    "a " + level.code + " cannot sit under the " + parent.level.code + " '" + parent.code + "'");
        }
        return parent;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgUnitView get(String code) {
        return OrgUnit.findByCode(code).map(OrgUnitView::of)
                .orElseThrow(() -> ProblemException.notFound("Org unit", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<OrgUnitView> list(OrgUnitFilter filter, PageRequest paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.parentCode() != null) {
            conditions.add("parent.code = :parent");
            parameters.put("parent", filter.parentCode());
        }
        if (filter.levelCode() != null) {
            conditions.add("level.code = :level");
            parameters.put("level", filter.levelCode());
        }
        if (filter.subtreeOf() != null) {
            String root = get(filter.subtreeOf()).path();
            conditions.add("path like :subtree");
            parameters.put("subtree", root + "%");
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            conditions.add("searchName like :query");
            parameters.put("query", SearchText.containsPattern(filter.query()));
        }
        Sort sort = Sorting.of(paging.sort, SORTABLE, Sort.ascending("path"));
        var query = conditions.isEmpty()
                ? OrgUnit.<OrgUnit>findAll(sort)
                : OrgUnit.<OrgUnit>find(String.join(" and ", conditions), sort, parameters);
        List<OrgUnitView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(OrgUnitView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    public record OrgUnitFilter(String parentCode, String levelCode, String subtreeOf, String query) {
    }
}
