package vn.commops.activity.activity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import vn.commops.activity.bulk.ActivityWriter;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.text.SearchText;
import vn.commops.common.security.Caller;

/** Recording, correcting and reading activities one at a time; batches go through the same writer. */
@ApplicationScoped
public class ActivityService {

    private static final Map<String, String> SORTABLE = Map.of("startedAt", "startedAt", "createdAt", "createdAt",
            "form", "form", "orgUnitCode", "orgUnitCode", "updatedAt", "updatedAt");

    private final ActivityWriter writer;
    private final Reporters reporters;
    private final Caller caller;
    private final ObjectMapper snapshots;

    ActivityService(ActivityWriter writer, Reporters reporters, Caller caller, ObjectMapper objectMapper) {
        this.writer = writer;
        this.reporters = reporters;
        this.caller = caller;
        // activity_revision keeps rows as PostgreSQL's to_jsonb wrote them: column names, snake case.
        this.snapshots = objectMapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    }

    /** A retry with the same idempotency key returns the activity the first attempt recorded. */
    @Transactional
    public Recorded record(ActivityRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = Activity.<Activity>find("idempotencyKey", idempotencyKey).firstResultOptional();
            if (earlier.isPresent()) {
                // A retry answers only a caller who may see the activity, not whoever guesses the key.
                requireUnit(earlier.get(), "orgUnitCode");
                return new Recorded(ActivityView.of(earlier.get()), false);
            }
        }
        One one = writeOne(new ActivityWriter.Submitted(0, request, List.of(), idempotencyKey, null));
        return switch (one.result().outcome()) {
            case CREATED -> new Recorded(ActivityView.of(one.written()), true);
            case CORRECTED -> new Recorded(ActivityView.of(one.written()), false);
            default -> new Recorded(ActivityView.of(Activity.<Activity>findById(one.result().id())), false);
        };
    }

    /** A correction: the request replaces the content and makes a new revision; the same content changes nothing. */
    @Transactional
    public Recorded correct(UUID id, ActivityRequest request, Integer expectedVersion) {
        Activity current = find(id);
        requireUnit(current, "id");
        if (caller.isPartner() && !caller.partnerId().equals(current.partnerId)) {
            throw new ProblemException(403, "not-your-record", "Not allowed",
                    "A partner corrects only the activities it reported", List.of());
        }
        if (expectedVersion != null && expectedVersion != current.version) {
            throw new ProblemException(412, "version-mismatch", "Precondition failed",
                    "The activity is at version " + current.version + ", not " + expectedVersion
                            + "; read it again before correcting", List.of());
        }
        if (current.withdrawn) {
            throw ProblemException.conflict("activity-withdrawn", "Activity " + id + " was withdrawn; it cannot be corrected");
        }
        One one = writeOne(new ActivityWriter.Submitted(0, request, List.of(), null, id));
        if (one.result().outcome() == ActivityWriter.Outcome.CORRECTED) {
            return new Recorded(ActivityView.of(one.written()), true);
        }
        Activity.getEntityManager().refresh(current);
        return new Recorded(ActivityView.of(current), false);
    }

    private record One(ActivityWriter.Result result, Activity written) {
    }

    private One writeOne(ActivityWriter.Submitted submitted) {
        ActivityWriter.Written written = writer.write(reporters.current(), List.of(submitted),
                ActivityWriter.Mode.PER_RECORD, true);
        ActivityWriter.Result result = written.results().get(0);
        switch (result.outcome()) {
            case REJECTED -> throw new ProblemException("validation".equals(result.problem()) ? 400 : 422,
                    result.problem(), "validation".equals(result.problem()) ? "Request is not valid"
                            : "Request cannot be processed", detail(result), result.errors());
            case CONFLICT -> throw new ProblemException(409, result.problem(), "Conflict with the current state",
                    result.errors().isEmpty() ? "The record conflicts with activity " + result.id() : detail(result),
                    result.errors());
            default -> {
            }
        }
        return new One(result, written.activity(result.id()));
    }

    private static String detail(ActivityWriter.Result result) {
        return String.join("; ", result.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ActivityView get(UUID id) {
        Activity activity = find(id);
        if (caller.isPartner()) {
            requireUnit(activity, "id");
        }
        return ActivityView.of(activity);
    }

    /** The revisions an activity went through, oldest first, the current one last. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RevisionView> revisions(UUID id) {
        Activity current = find(id);
        if (caller.isPartner()) {
            requireUnit(current, "id");
        }
        @SuppressWarnings("unchecked")
        List<String> rows = Activity.getEntityManager().createNativeQuery(
                "select cast(snapshot as text) from activity_revision where activity_id = :id order by revision")
                .setParameter("id", id).getResultList();
        List<RevisionView> revisions = new ArrayList<>();
        for (String row : rows) {
            try {
                revisions.add(RevisionView.of(snapshots.readValue(row, Activity.class)));
            } catch (IOException e) {
                throw new IllegalStateException("Revision of activity " + id + " cannot be read", e);
            }
        }
        revisions.add(RevisionView.of(current));
        return revisions;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<ActivityView> list(ActivityFilter filter, PageRequest paging) {
        PanacheQuery<Activity> query = query(filter, Sorting.of(paging.sort, SORTABLE, Sort.descending("startedAt"))).get();
        List<ActivityView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(ActivityView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /**
     * The list's query, with the caller's grants resolved now (while the request is at hand) and the
     * query itself built whenever asked: an export runs it later, in its own transaction.
     */
    public Supplier<PanacheQuery<Activity>> query(ActivityFilter filter, String sortParameter) {
        return query(filter, Sorting.of(sortParameter, SORTABLE, Sort.descending("startedAt")));
    }

    private Supplier<PanacheQuery<Activity>> query(ActivityFilter filter, Sort sort) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.orgUnitCode() != null) {
            conditions.add("orgUnitCode = :unit");
            parameters.put("unit", filter.orgUnitCode());
        }
        if (caller.isPartner()) {
            // A partner's list is its granted subtrees, whatever else it asks for.
            conditions.add(ActivityGrants.condition(reporters.current(), false, parameters));
        }
        if (filter.form() != null) {
            conditions.add("form = :form");
            parameters.put("form", filter.form());
        }
        if (filter.verificationStatus() != null) {
            conditions.add("verificationStatus = :status");
            parameters.put("status", filter.verificationStatus());
        }
        if (filter.from() != null) {
            conditions.add("startedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("startedAt < :to");
            parameters.put("to", filter.to());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // The very expression of the trigram index activity_search_text, so that the index serves it.
            conditions.add("function('activity_search_text' as String, title, place) like :text"
                    + SearchText.LIKE_ESCAPE);
            parameters.put("text", SearchText.containsPattern(filter.text()));
        }
        // The id last, so that rows of equal sort keys keep one order across pages and exports
        // (Sort.and changes the sort it is called on: each call has its own).
        Sort stable = sort.and("id");
        return conditions.isEmpty()
                ? () -> Activity.<Activity>findAll(stable)
                : () -> Activity.<Activity>find(String.join(" and ", conditions), stable, parameters);
    }

    public static Activity find(UUID id) {
        return Activity.<Activity>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Activity", id.toString()));
    }

    private void requireUnit(Activity activity, String field) {
        KnownOrgUnit unit = KnownOrgUnit.findById(activity.orgUnitCode);
        caller.requireUnit(activity.orgUnitCode, unit == null ? null : unit.path, field);
    }

    public record ActivityFilter(String orgUnitCode, String form, VerificationStatus verificationStatus,
            OffsetDateTime from, OffsetDateTime to, String text) {
    }

    /** @param isNew whether this call created the activity (or, for a correction, a new revision) */
    public record Recorded(ActivityView activity, boolean isNew) {
    }
}
