package vn.commops.activity.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemMappers;
import vn.commops.common.problem.ProblemException;

/**
 * The one way activities are recorded and corrected, for a single POST as for an import of a
 * million: validate every record (every fault named), match it to what is already stored by its
 * identities (target id, client id, the reporter's external id, idempotency key), classify it
 * (created, unchanged, corrected, conflict, rejected), then write what the mode allows in a few
 * set-based statements. A rejected record never touches the database.
 */
@ApplicationScoped
public class ActivityWriter {

    public enum Mode {
        /** Classify and report, write nothing. */
        DRY_RUN,
        /** Write everything or, when any record is rejected or in conflict, nothing. */
        ALL_OR_NOTHING,
        /** Write the good records, report the others. */
        PER_RECORD
    }

    public enum Outcome {
        CREATED, UNCHANGED, CORRECTED, CONFLICT, REJECTED
    }

    /**
     * @param index          position in the upload, 0-based
     * @param request        the record, or null when it could not be read
     * @param readErrors     why it could not be read
     * @param idempotencyKey a single POST's Idempotency-Key
     * @param targetId       the activity a PUT corrects
     */
    public record Submitted(int index, ActivityRequest request, List<Problem.FieldError> readErrors,
            String idempotencyKey, UUID targetId) {

        public static Submitted of(int index, ActivityRequest request) {
            return new Submitted(index, request, List.of(), null, null);
        }

        public static Submitted unreadable(int index, List<Problem.FieldError> errors) {
            return new Submitted(index, null, errors, null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "ActivityResult", description = "What became of one record of an upload")
    public record Result(
            @Schema(description = "The record's position in the upload, 0-based", examples = "417") int index,
            @Schema(description = "What became of it", examples = "REJECTED") Outcome outcome,
            @Schema(description = "The stored activity's id", examples = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID id,
            @Schema(description = "The reporter's own id of the record", examples = "VNPOST-LC-2024-000604") String externalId,
            @Schema(description = "The id a mobile client gave the record", examples = "0f8e2d4c-6b1a-4c3e-9d7f-5a2b8c1e4f60")
            UUID clientId,
            @Schema(description = "The stored revision", examples = "2") Integer revision,
            @Schema(description = "Why it was rejected or in conflict", examples = "unknown-org-unit") String problem,
            @Schema(description = "Each fault, by field") List<Problem.FieldError> errors) {
    }

    public record Written(List<Result> results, boolean applied, Map<UUID, Activity> activities) {
    }

    private record Known(String path, java.time.LocalDate validTo) {
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ActivityWriter.class);

    private final Validator validator;
    private final ConstraintPrecheck<ActivityRequest> precheck;
    private final ActivityRows rows;
    private final ActivityEvents events;
    private final ActivityMatches matches;

    ActivityWriter(Validator validator, ActivityRows rows, ActivityEvents events, ActivityMatches matches) {
        this.validator = validator;
        this.precheck = ConstraintPrecheck.of(validator, ActivityRequest.class);
        this.rows = rows;
        this.events = events;
        this.matches = matches;
    }

    @Transactional
    public Written write(Reporter reporter, List<Submitted> records, Mode mode, boolean single) {
        long t0 = System.nanoTime();
        Map<String, Known> units = new HashMap<>();
        matches.units(records.stream().map(Submitted::request).filter(r -> r != null && r.orgUnitCode() != null)
                .map(ActivityRequest::orgUnitCode).distinct().toList())
                .forEach((code, unit) -> units.put(code, new Known(unit.path(), unit.validTo())));

        Set<UUID> named = new java.util.HashSet<>();
        for (Submitted record : records) {
            if (record.request() != null && record.request().communicatorIds() != null) {
                record.request().communicatorIds().stream().filter(java.util.Objects::nonNull).forEach(named::add);
            }
        }
        Set<UUID> communicators = matches.knownCommunicators(named);

        Result[] results = new Result[records.size()];
        List<Problem.FieldError> forbidden = new ArrayList<>();
        List<Submitted> valid = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Submitted record = records.get(i);
            String prefix = single ? "" : "[" + record.index() + "].";
            Result rejected = validate(record, units, communicators);
            if (rejected != null) {
                results[i] = rejected;
                continue;
            }
            grants(reporter, record.request(), units.get(record.request().orgUnitCode()), prefix, forbidden);
            valid.add(record);
        }

        long t1 = System.nanoTime();
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            position.put(records.get(i).index(), i);
        }
        OffsetDateTime now = OffsetDateTime.now();
        ActivityMatches.Found stored = matches.find(reporter, valid);
        Map<String, Activity> seenInBatch = new HashMap<>();
        Map<UUID, String> paths = new HashMap<>();
        List<Activity> creates = new ArrayList<>();
        List<Activity> corrections = new ArrayList<>();
        Map<UUID, Integer> slotOf = new LinkedHashMap<>();
        for (Submitted record : valid) {
            int slot = position.get(record.index());
            ActivityRequest request = record.request();
            String scope = reporter.scopeFor(request.orgUnitCode());
            Activity candidate = ActivityContent.from(request);
            String identity = identity(record, scope);
            ActivityMatches.Stored existing = stored.match(record, scope);
            if (existing != null && !reporter.mayActOn(existing.path())) {
                forbidden.add(new Problem.FieldError((single ? "" : "[" + record.index() + "].")
                        + (record.targetId() != null ? "id" : "externalId"), "names a record outside your grants"));
                continue;
            }
            Activity earlier = identity == null ? null : seenInBatch.get(identity);
            if (earlier != null) {
                results[slot] = earlier.contentHash.equals(candidate.contentHash)
                        ? result(record, Outcome.UNCHANGED, earlier, null, List.of())
                        : result(record, Outcome.CONFLICT, earlier, "duplicate-in-batch",
                                List.of(new Problem.FieldError("externalId", "appears twice in this batch with different content")));
                continue;
            }
            if (existing == null && record.targetId() != null) {
                results[slot] = result(record, Outcome.CONFLICT, null, "not-found", List.of());
                continue;
            }
            if (existing == null) {
                Activity activity = candidate;
                activity.id = request.clientId() != null ? request.clientId() : TimeOrderedIds.next();
                activity.partnerId = reporter.partnerId();
                activity.reporter = scope;
                activity.externalId = blankToNull(request.externalId());
                activity.clientId = request.clientId();
                activity.idempotencyKey = record.idempotencyKey();
                activity.revision = 1;
                activity.version = 0;
                activity.lastChange = Activity.Change.RECORDED;
                activity.createdAt = now;
                creates.add(activity);
                slotOf.put(activity.id, slot);
                results[slot] = result(record, Outcome.CREATED, activity, null, List.of());
            } else if (existing.contentHash() != null && existing.contentHash().equals(candidate.contentHash)) {
                results[slot] = new Result(record.index(), Outcome.UNCHANGED, existing.id(), existing.externalId(),
                        existing.clientId(), existing.revision(), null, List.of());
                candidate.id = existing.id();
            } else if (!request.isCorrection() && record.targetId() == null) {
                results[slot] = new Result(record.index(), Outcome.CONFLICT, existing.id(), existing.externalId(),
                        existing.clientId(), existing.revision(), "content-differs", List.of(new Problem.FieldError(
                        "externalId", "already reported with other content; send it as a correction to replace it")));
                candidate.id = existing.id();
            } else if (existing.withdrawn()) {
                results[slot] = new Result(record.index(), Outcome.CONFLICT, existing.id(), existing.externalId(),
                        existing.clientId(), existing.revision(), "activity-withdrawn", List.of());
                candidate.id = existing.id();
            } else {
                Activity activity = candidate;
                activity.id = existing.id();
                activity.partnerId = existing.partnerId();
                activity.reporter = existing.reporter();
                activity.externalId = existing.externalId();
                activity.clientId = existing.clientId();
                activity.idempotencyKey = existing.idempotencyKey();
                activity.revision = existing.revision() + 1;
                activity.version = existing.version() + 1;
                activity.lastChange = Activity.Change.CORRECTED;
                activity.createdAt = existing.createdAt();
                corrections.add(activity);
                slotOf.put(activity.id, slot);
                results[slot] = result(record, Outcome.CORRECTED, activity, null, List.of());
            }
            candidate.verificationStatus = request.verificationStatus() != null ? request.verificationStatus()
                    : VerificationStatus.REPORTED;
            candidate.changedBy = reporter.name();
            candidate.updatedAt = now;
            paths.put(candidate.id, units.get(request.orgUnitCode()).path());
            if (identity != null) {
                seenInBatch.put(identity, candidate);
            }
        }
        if (!forbidden.isEmpty()) {
            throw new ProblemException(403, "org-unit-not-granted", "Not allowed on these records",
                    "Records outside your grants; nothing was stored", forbidden);
        }
        long t2 = System.nanoTime();

        boolean failures = java.util.Arrays.stream(results)
                .anyMatch(r -> r.outcome() == Outcome.REJECTED || r.outcome() == Outcome.CONFLICT);
        boolean apply = mode == Mode.PER_RECORD || (mode == Mode.ALL_OR_NOTHING && !failures);
        Map<UUID, Activity> written = new LinkedHashMap<>();
        long t3 = 0;
        if (apply) {
            Set<UUID> inserted = rows.insert(creates);
            Set<UUID> replaced = rows.replace(corrections);
            t3 = System.nanoTime();
            for (List<Activity> group : List.of(creates, corrections)) {
                for (Activity activity : group) {
                    if (inserted.contains(activity.id) || replaced.contains(activity.id)) {
                        written.put(activity.id, activity);
                    } else {
                        int slot = slotOf.get(activity.id);
                        if (mode == Mode.ALL_OR_NOTHING) {
                            throw ProblemException.conflict("concurrent-write", "Record " + records.get(slot).index()
                                    + " was written concurrently by another request; nothing was stored, retry");
                        }
                        results[slot] = new Result(records.get(slot).index(), Outcome.CONFLICT, activity.id,
                                activity.externalId, activity.clientId, null, "concurrent-write", List.of());
                    }
                }
            }
            events.publishedAll(new ArrayList<>(written.values()), a -> paths.get(a.id));
        }
        long t4 = System.nanoTime();
        // Where a batch's time goes, for tuning the bulk path (DEBUG on vn.commops.activity.activity.ActivityWriter).
        LOG.debugf("batch of %d: validated in %d ms, classified in %d ms, rows written in %d ms, events in %d ms",
                records.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, t3 == 0 ? 0 : (t3 - t2) / 1_000_000,
                t3 == 0 ? 0 : (t4 - t3) / 1_000_000);
        return new Written(List.of(results), apply, written);
    }

    /**
     * Refuses (403, nothing written) an upload with any record outside the reporter's grants: its org
     * unit, its form, or verification it may not state. Records that are invalid anyway are left to the writer.
     */
    public void requireGrants(Reporter reporter, List<Submitted> records) {
        Map<String, ActivityMatches.Unit> units = matches.units(records.stream().map(Submitted::request)
                .filter(r -> r != null && r.orgUnitCode() != null).map(ActivityRequest::orgUnitCode).distinct().toList());
        List<Problem.FieldError> forbidden = new ArrayList<>();
        for (Submitted record : records) {
            ActivityMatches.Unit unit = record.request() == null ? null : units.get(record.request().orgUnitCode());
            if (unit != null) {
                grants(reporter, record.request(), new Known(unit.path(), unit.validTo()), "[" + record.index() + "].",
                        forbidden);
            }
        }
        if (!forbidden.isEmpty()) {
            throw new ProblemException(403, "org-unit-not-granted", "Not allowed on these records",
                    "Records outside your grants; nothing was stored", forbidden);
        }
    }

    private static void grants(Reporter reporter, ActivityRequest request, Known unit, String prefix,
            List<Problem.FieldError> forbidden) {
        if (!reporter.mayActOn(unit.path())) {
            forbidden.add(new Problem.FieldError(prefix + "orgUnitCode", "not among your granted org units"));
        }
        if (!reporter.mayReport(request.form())) {
            forbidden.add(new Problem.FieldError(prefix + "form", "not among the forms your partner is granted"));
        }
        if (request.verificationStatus() != null && !reporter.mayVerify(unit.path())) {
            forbidden.add(new Problem.FieldError(prefix + "verificationStatus",
                    "only a manager over the unit may state verification"));
        }
    }

    private Result validate(Submitted record, Map<String, Known> units, Set<UUID> communicators) {
        if (record.request() == null) {
            return new Result(record.index(), Outcome.REJECTED, null, null, null, null, "unreadable-record",
                    record.readErrors());
        }
        ActivityRequest request = record.request();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!precheck.surelyValid(request)) {
            for (ConstraintViolation<ActivityRequest> violation : validator.validate(request)) {
                errors.add(new Problem.FieldError(ProblemMappers.fieldOf(violation), violation.getMessage()));
            }
        }
        String problem = errors.isEmpty() ? null : "validation";
        errors.addAll(FormRules.check(request));
        if (problem == null && !errors.isEmpty()) {
            problem = "invalid-activity";
        }
        List<UUID> present = request.communicatorIds();
        for (int i = 0; present != null && i < present.size(); i++) {
            if (present.get(i) != null && !communicators.contains(present.get(i))) {
                errors.add(new Problem.FieldError("communicatorIds[" + i + "]", "no communicator with this id"));
                problem = problem == null ? "unknown-communicator" : problem;
            }
        }
        Known unit = request.orgUnitCode() == null ? null : units.get(request.orgUnitCode());
        if (request.orgUnitCode() != null && !request.orgUnitCode().isBlank() && unit == null) {
            errors.add(new Problem.FieldError("orgUnitCode", "no org unit '" + request.orgUnitCode() + "'"));
            problem = problem == null ? "unknown-org-unit" : problem;
        } else if (unit != null && unit.validTo() != null && request.startedAt() != null
                && request.startedAt().toLocalDate().isAfter(unit.validTo())) {
            errors.add(new Problem.FieldError("orgUnitCode", "org unit '" + request.orgUnitCode() + "' closed on "
                    + unit.validTo()));
            problem = problem == null ? "org-unit-closed" : problem;
        }
        if (errors.isEmpty()) {
            return null;
        }
        errors.sort(java.util.Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return new Result(record.index(), Outcome.REJECTED, null, request.externalId(), request.clientId(), null,
                problem, errors);
    }

    private static String identity(Submitted record, String scope) {
        ActivityRequest request = record.request();
        if (record.targetId() != null) {
            return "id:" + record.targetId();
        }
        if (request.clientId() != null) {
            return "client:" + request.clientId();
        }
        if (request.externalId() != null && !request.externalId().isBlank()) {
            return scope + "|" + request.externalId();
        }
        return null;
    }

    private static Result result(Submitted record, Outcome outcome, Activity activity, String problem,
            List<Problem.FieldError> errors) {
        return new Result(record.index(), outcome, activity == null ? null : activity.id,
                activity == null ? record.request().externalId() : activity.externalId,
                activity == null ? record.request().clientId() : activity.clientId,
                activity == null ? null : activity.revision, problem, errors);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
