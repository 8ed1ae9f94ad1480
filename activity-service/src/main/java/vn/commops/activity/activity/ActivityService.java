package vn.commops.activity.activity;

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
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

@ApplicationScoped
public class ActivityService {

    private static final Map<String, String> SORTABLE = Map.of("startedAt", "startedAt", "createdAt", "createdAt",
            "form", "form", "orgUnitCode", "orgUnitCode");

    private final ActivityEvents events;
    private final Caller caller;

    ActivityService(ActivityEvents events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    /** A retry with the same idempotency key returns the activity the first attempt recorded. */
    @Transactional
    public Recorded record(ActivityRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = Activity.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                // A retry answers only a caller who may see the activity, not whoever guesses the key.
                KnownOrgUnit unit = KnownOrgUnit.findById(earlier.get().orgUnitCode);
                caller.requireUnit(earlier.get().orgUnitCode, unit == null ? null : unit.path, "orgUnitCode");
                return new Recorded(ActivityView.of(earlier.get()), false);
            }
        }
        KnownOrgUnit unit = KnownOrgUnit.<KnownOrgUnit>findByIdOptional(request.orgUnitCode()).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", "orgUnitCode",
                        "no org unit '" + request.orgUnitCode() + "'"));
        caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        if (unit.validTo != null && request.startedAt().toLocalDate().isAfter(unit.validTo)) {
            throw ProblemException.invalidField("org-unit-closed", "orgUnitCode",
                    "org unit '" + unit.code + "' closed on " + unit.validTo);
        }
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.orgUnitCode = unit.code;
        activity.form = request.form();
        activity.title = request.title().strip();
        activity.place = request.place();
        activity.startedAt = request.startedAt();
        activity.endedAt = request.endedAt();
        activity.attendance = request.attendance();
        activity.reach = request.reach();
        activity.idempotencyKey = idempotencyKey;
        activity.createdAt = OffsetDateTime.now();
        activity.persist();
        events.recorded(activity, unit.path);
        return new Recorded(ActivityView.of(activity), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ActivityView get(UUID id) {
        Activity activity = Activity.<Activity>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Activity", id.toString()));
        if (caller.isPartner()) {
            KnownOrgUnit unit = KnownOrgUnit.findById(activity.orgUnitCode);
            caller.requireUnit(activity.orgUnitCode, unit == null ? null : unit.path, "id");
        }
        return ActivityView.of(activity);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<ActivityView> list(ActivityFilter filter, PageRequest paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.orgUnitCode() != null) {
            conditions.add("orgUnitCode = :unit");
            parameters.put("unit", filter.orgUnitCode());
        }
        if (caller.isPartner()) {
            // A partner's list is its granted subtrees, whatever else it asks for.
            List<String> subtrees = new ArrayList<>();
            int index = 0;
            for (String granted : caller.grantedUnits()) {
                subtrees.add("k.path like :granted" + index);
                parameters.put("granted" + index++, "%/" + granted + "/%");
            }
            conditions.add(subtrees.isEmpty() ? "1 = 0"
                    : "orgUnitCode in (select k.code from KnownOrgUnit k where " + String.join(" or ", subtrees) + ")");
        }
        if (filter.form() != null) {
            conditions.add("form = :form");
            parameters.put("form", filter.form());
        }
        if (filter.from() != null) {
            conditions.add("startedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("startedAt < :to");
            parameters.put("to", filter.to());
        }
        Sort sort = Sorting.of(paging.sort, SORTABLE, Sort.descending("startedAt"));
        var query = conditions.isEmpty()
                ? Activity.<Activity>findAll(sort)
                : Activity.<Activity>find(String.join(" and ", conditions), sort, parameters);
        List<ActivityView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(ActivityView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    public record ActivityFilter(String orgUnitCode, ActivityForm form, OffsetDateTime from, OffsetDateTime to) {
    }

    public record Recorded(ActivityView activity, boolean isNew) {
    }
}
