package vn.commops.plan.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
    private final OrgUnitCalendar calendar;

    OrgUnitService(OrgUnitEvents events, Caller caller, OrgUnitCalendar calendar) {
        this.events = events;
        this.caller = caller;
        this.calendar = calendar;
    }

    @Transactional
    public OrgUnitView create(OrgUnitRequest request) {
        return OrgUnitView.of(create(request, caller::mayActOn, ChangeNote.by(caller.name())));
    }

    /** Creates a unit if the authority may act on its parent (on the unit itself for a root). */
    @Transactional(Transactional.TxType.MANDATORY)
    OrgUnit create(OrgUnitRequest request, Predicate<String> mayActOnPath, ChangeNote note) {
        if (OrgUnit.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("org-unit-exists", "An org unit with code '" + request.code() + "' exists");
        }
        OrgLevel level = level(request.levelCode());
        OrgUnit parent = parentFor(request.code(), request.parentCode(), level, mayActOnPath);

        OrgUnit unit = new OrgUnit();
        unit.code = request.code();
        unit.name = request.name().strip();
        unit.searchName = SearchText.fold(unit.name);
        unit.level = level;
        unit.parent = parent;
        unit.path = OrgUnit.childPath(parent == null ? null : parent.path, unit.code);
        unit.validFrom = request.validFrom() == null ? calendar.today() : request.validFrom();
        unit.createdAt = OffsetDateTime.now();
        unit.persist();
        events.created(unit, note);
        return unit;
    }

    static OrgLevel level(String code) {
        return OrgLevel.<OrgLevel>findByIdOptional(code).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-level", "levelCode", "no level '" + code + "'"));
    }

    private static OrgUnit parentFor(String code, String parentCode, OrgLevel level, Predicate<String> mayActOnPath) {
        if (parentCode == null) {
            if (level.depth != 0) {
                throw ProblemException.invalidField("parent-required", "parentCode",
                        "is required for a unit of level " + level.code);
            }
            requireUnit(mayActOnPath, code, null, "parentCode");
            return null;
        }
        OrgUnit parent = OrgUnit.findByCode(parentCode).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", "parentCode", "no org unit '" + parentCode + "'"));
        requireUnit(mayActOnPath, parent.code, parent.path, "parentCode");
        if (!parent.isOpen()) {
            throw ProblemException.invalidField("org-unit-closed", "parentCode",
                    "'" + parent.code + "' stopped existing after " + parent.validTo);
        }
        requireBelow(parent, level);
        return parent;
    }

    static void requireBelow(OrgUnit parent, OrgLevel level) {
        if (parent.level.depth >= level.depth) {
            throw ProblemException.invalidField("level-not-below-parent", "levelCode",
                    "a " + level.code + " cannot sit under the " + parent.level.code + " '" + parent.code + "'");
        }
    }

    static void requireUnit(Predicate<String> mayActOnPath, String code, String path, String field) {
        if (!mayActOnPath.test(path)) {
            throw new ProblemException(403, "org-unit-not-granted", "Not allowed on this org unit",
                    "You may not act on org unit '" + code + "'",
                    List.of(new vn.commops.common.problem.Problem.FieldError(field,
                            "not among your granted org units")));
        }
    }

    /**
     * Renames a unit or corrects its validity start, from the request's effective date (which
     * {@link Reorganisations} has filled in); reorganising its place is {@link OrgUnitReorganiser}'s.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<OrgUnitView> update(String code, Reorganisation.Update request, Predicate<String> mayActOnPath,
            ChangeNote note) {
        OrgUnit unit = find(code);
        requireUnit(mayActOnPath, code, unit.parent == null ? null : unit.parent.path, "code");
        return List.of(OrgUnitView.of(update(unit, request.name(), request.validFrom(), request.effectiveDate(), note)));
    }

    /** Applies what differs; returns the unit unchanged (and publishes nothing) when nothing does. */
    @Transactional(Transactional.TxType.MANDATORY)
    OrgUnit update(OrgUnit unit, String name, LocalDate validFrom, LocalDate effectiveDate, ChangeNote note) {
        boolean changed = false;
        if (name != null && !name.strip().equals(unit.name)) {
            unit.name = name.strip();
            unit.searchName = SearchText.fold(unit.name);
            changed = true;
        }
        if (validFrom != null && !validFrom.equals(unit.validFrom)) {
            unit.validFrom = validFrom;
            changed = true;
        }
        if (changed) {
            events.updated(unit, effectiveDate, note);
        }
        return unit;
    }

    static OrgUnit find(String code) {
        return OrgUnit.findByCode(code).orElseThrow(() -> ProblemException.notFound("Org unit", code));
    }

    /** The unit now, or as it stood on {@code asOf} (404 if it did not exist then). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgUnitView get(String code, LocalDate asOf) {
        if (asOf == null) {
            return OrgUnitView.of(find(code));
        }
        return OrgUnitVersion.asOf(code, asOf).map(OrgUnitView::of)
                .orElseThrow(() -> ProblemException.notFound("Org unit", code + "' on '" + asOf));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<OrgUnitView> list(OrgUnitFilter filter, PageRequest paging) {
        return page(rows(filter, paging.sort), paging);
    }

    private static <E> PageOf<OrgUnitView> page(Rows<E> rows, PageRequest paging) {
        PanacheQuery<E> query = rows.query().get();
        List<OrgUnitView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(rows.view()).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /**
     * The list's rows, checked now and read when asked (an export reads them in its own transaction):
     * today's units, or with asOf the versions in force that day, each seen as a unit.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Rows<?> rows(OrgUnitFilter filter, String sortParameter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        boolean history = filter.asOf() != null;
        if (history) {
            conditions.add(OrgUnitVersion.IN_FORCE);
            parameters.put("asOf", filter.asOf());
        }
        if (filter.parentCode() != null) {
            conditions.add(history ? "parentCode = :parent" : "parent.code = :parent");
            parameters.put("parent", filter.parentCode());
        }
        if (filter.levelCode() != null) {
            conditions.add(history ? "levelCode = :level" : "level.code = :level");
            parameters.put("level", filter.levelCode());
        }
        if (filter.subtreeOf() != null) {
            String root = get(filter.subtreeOf(), filter.asOf()).path();
            conditions.add("path like :subtree");
            parameters.put("subtree", root + "%");
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            conditions.add("searchName like :query" + SearchText.LIKE_ESCAPE);
            parameters.put("query", SearchText.containsPattern(filter.query()));
        }
        // The code last, so that units of one name keep one order across pages and exports.
        Sort sort = Sorting.of(sortParameter, SORTABLE, Sort.ascending("path")).and("code");
        String where = String.join(" and ", conditions);
        if (history) {
            return new Rows<OrgUnitVersion>(() -> OrgUnitVersion.<OrgUnitVersion>find(where, sort, parameters),
                    OrgUnitView::of);
        }
        return new Rows<OrgUnit>(conditions.isEmpty()
                ? () -> OrgUnit.<OrgUnit>findAll(sort)
                : () -> OrgUnit.<OrgUnit>find(where, sort, parameters), OrgUnitView::of);
    }

    /** A query of units or of their versions, and how one of its rows reads as a unit. */
    public record Rows<E>(Supplier<PanacheQuery<E>> query, Function<E, OrgUnitView> view) {
    }

    /** @param asOf null for the latest state of every unit, closed ones included */
    public record OrgUnitFilter(String parentCode, String levelCode, String subtreeOf, String query, LocalDate asOf) {
    }
}
