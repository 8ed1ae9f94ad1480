package vn.commops.activity.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.ActivityEvents;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.activity.AgencyDay;
import vn.commops.activity.activity.Evidence;
import vn.commops.activity.activity.FormRules;
import vn.commops.activity.activity.Reporter;
import vn.commops.activity.activity.VerificationStatus;
import vn.commops.activity.breakdown.BreakdownRules;
import vn.commops.activity.breakdown.TargetGroups;
import vn.commops.activity.evidence.EvidenceReferences;
import vn.commops.activity.form.FormCatalogue;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.problem.ProblemMappers;

/**
 * The one way activities are recorded and corrected, for a single POST as for an import of a
 * million: validate every record (every fault named), match it to what is already stored by its
 * identities (target id, client id, the reporter's external id, idempotency key), classify it
 * (created, unchanged, corrected, conflict, rejected), then write what the mode allows in a few
 * set-based statements. A rejected record never touches the database. What a batch refers to (org units,
 * communicators, assignments) is looked up in one query per kind, not per record.
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

    public record Written(List<Result> results, boolean applied, List<Activity> activities) {

        /** The written activity with this id, or null. */
        public Activity activity(UUID id) {
            return activities.stream().filter(a -> a.id.equals(id)).findFirst().orElse(null);
        }
    }

    private record Known(String path, LocalDate validTo) {
    }

    private static final Logger LOG = Logger.getLogger(ActivityWriter.class);
    static final String UNKNOWN_FORM = "unknown-communication-form";
    static final String RETIRED_FORM = "communication-form-retired";
    static final String UNKNOWN_FORM_MESSAGE = "is not a known form of communication";
    static final String RETIRED_FORM_MESSAGE = "is a retired form of communication";
    static final String UNKNOWN_EVIDENCE_FILE = "unknown-evidence-file";
    private static final Pattern SHA256_TEXT = Pattern.compile(Evidence.SHA256);
    private static final Predicate<String> SHA256 = hash -> SHA256_TEXT.matcher(hash).matches();

    private final Validator validator;
    private final ConstraintPrecheck<ActivityRequest> precheck;
    private final ActivityRows rows;
    private final ActivityEvents events;
    private final ActivityMatches matches;
    private final TargetGroups targetGroups;
    private final FormCatalogue forms;
    private final EvidenceReferences references;

    ActivityWriter(Validator validator, ActivityRows rows, ActivityEvents events, ActivityMatches matches,
            TargetGroups targetGroups, FormCatalogue forms, EvidenceReferences references) {
        this.targetGroups = targetGroups;
        this.references = references;
        this.forms = forms;
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

        Set<UUID> named = new HashSet<>();
        for (Submitted record : records) {
            if (record.request() != null && record.request().communicatorIds() != null) {
                record.request().communicatorIds().stream().filter(Objects::nonNull).forEach(named::add);
            }
        }
        Map<UUID, OffsetDateTime> communicators = matches.knownCommunicators(named);
        Set<UUID> assignmentIds = new HashSet<>();
        for (Submitted record : records) {
            if (record.request() != null && record.request().assignmentId() != null) {
                assignmentIds.add(record.request().assignmentId());
            }
        }
        Map<UUID, ActivityMatches.Assignment> assignments = matches.assignments(assignmentIds);
        TargetGroups.Known groups = groupsOf(records);
        Map<String, EvidenceReferences.Stored> files = references.stored(referencedFiles(records));

        Result[] results = new Result[records.size()];
        List<Problem.FieldError> forbidden = new ArrayList<>();
        List<Submitted> valid = new ArrayList<>();
        int[] slots = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            Submitted record = records.get(i);
            Result rejected = validate(record, units, communicators, assignments, groups, files);
            if (rejected != null) {
                results[i] = rejected;
                continue;
            }
            grants(reporter, record.request(), units.get(record.request().orgUnitCode()), record.index(), single,
                    forbidden);
            slots[valid.size()] = i;
            valid.add(record);
        }

        long t1 = System.nanoTime();
        Function<String, String> unitPath = code -> units.get(code).path();
        OffsetDateTime now = OffsetDateTime.now();
        Written written = null;
        if (likelyAllNew(reporter, valid, mode)) {
            written = apply(BatchClassification.of(reporter, valid, slots, ActivityMatches.Found.NOT_LOOKED_UP, single,
                    results, forbidden, now), records, results, unitPath, mode, true);
        }
        if (written == null) {
            written = apply(BatchClassification.of(reporter, valid, slots, matches.find(reporter, valid), single,
                    results, forbidden, now), records, results, unitPath, mode, false);
        }
        if (written.applied() && !files.isEmpty()) {
            references.attach(written.activities(), files, reporter.name(), a -> unitPath.apply(a.orgUnitCode));
        }
        // Where a batch's time goes, for tuning the bulk path (DEBUG on vn.commops.activity.activity.ActivityWriter).
        LOG.debugf("batch of %d: validated in %d ms, classified and written in %d ms", records.size(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return written;
    }

    /**
     * Whether to write the batch as all new before looking anything up. A first upload of fresh
     * records, where the lookup of ten thousand identities that are not there was a tenth of the
     * database's work: only for batches that go in by COPY, and only when their first and last
     * records are not stored, which a replay (the whole batch again) fails at once. And one new
     * record (a single POST, not a correction): the insert that skips taken keys is its lookup, a
     * round trip of five saved; a retry pays one insert that takes nothing, then the lookup.
     */
    private boolean likelyAllNew(Reporter reporter, List<Submitted> valid, Mode mode) {
        if (mode == Mode.DRY_RUN || valid.isEmpty()) {
            return false;
        }
        if (valid.size() == 1) {
            return valid.get(0).targetId() == null;
        }
        return valid.size() >= ActivityRows.COPY_FROM_ROWS
                && matches.find(reporter, List.of(valid.get(0), valid.get(valid.size() - 1))).isEmpty();
    }

    /**
     * Writes what the mode allows of a classified batch and its events. Classified as all new
     * ({@code allNew}, nothing looked up), it goes in by one COPY, which the unique keys on every
     * identity refuse if one is stored after all: then nothing is written and null is returned, for
     * the caller to classify against a real lookup.
     */
    private Written apply(BatchClassification batch, List<Submitted> records, Result[] results,
            Function<String, String> unitPath, Mode mode, boolean allNew) {
        if (!batch.forbidden.isEmpty()) {
            throw new ProblemException(403, "org-unit-not-granted", "Not allowed on these records",
                    "Records outside your grants; nothing was stored", batch.forbidden);
        }
        boolean failures = Arrays.stream(results)
                .anyMatch(r -> r.outcome() == Outcome.REJECTED || r.outcome() == Outcome.CONFLICT);
        boolean apply = mode == Mode.PER_RECORD || (mode == Mode.ALL_OR_NOTHING && !failures);
        if (!apply) {
            return new Written(List.of(results), false, List.of());
        }
        List<Activity> written = new ArrayList<>(batch.creates.size() + batch.corrections.size());
        locateReferencedFiles(batch.creates);
        locateReferencedFiles(batch.corrections);
        if (allNew) {
            if (!rows.insertAllNew(batch.creates)) {
                return null;
            }
            written.addAll(batch.creates);
        } else {
            keep(batch.creates, rows.insert(batch.creates), batch::createSlot, records, results, mode, written);
        }
        keep(batch.corrections, rows.replace(batch.corrections), batch::correctionSlot, records, results, mode, written);
        events.publishedAll(written, a -> unitPath.apply(a.orgUnitCode));
        return new Written(List.of(results), true, written);
    }

    /**
     * Adds to {@code written} the activities the database took; one it did not take was written
     * concurrently by another request: a conflict, or the whole batch refused when all or nothing.
     */
    private static void keep(List<Activity> planned, Set<UUID> taken, IntUnaryOperator slotOf,
            List<Submitted> records, Result[] results, Mode mode, List<Activity> written) {
        for (int n = 0; n < planned.size(); n++) {
            Activity activity = planned.get(n);
            if (taken.contains(activity.id)) {
                written.add(activity);
                continue;
            }
            int slot = slotOf.applyAsInt(n);
            if (mode == Mode.ALL_OR_NOTHING) {
                throw ProblemException.conflict("concurrent-write", "Record " + records.get(slot).index()
                        + " was written concurrently by another request; nothing was stored, retry");
            }
            results[slot] = new Result(records.get(slot).index(), Outcome.CONFLICT, activity.id, activity.externalId,
                    activity.clientId, null, "concurrent-write", List.of());
        }
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
                grants(reporter, record.request(), new Known(unit.path(), unit.validTo()), record.index(), false,
                        forbidden);
            }
        }
        if (!forbidden.isEmpty()) {
            throw new ProblemException(403, "org-unit-not-granted", "Not allowed on these records",
                    "Records outside your grants; nothing was stored", forbidden);
        }
    }

    private static void grants(Reporter reporter, ActivityRequest request, Known unit, int index, boolean single,
            List<Problem.FieldError> forbidden) {
        boolean unitGranted = reporter.mayActOn(unit.path());
        boolean formGranted = reporter.mayReport(request.form());
        // Four eyes: whoever reports does not decide; a decision is someone else's, through the verification endpoint.
        boolean verificationAllowed = request.verificationStatus() == null
                || request.verificationStatus() == VerificationStatus.REPORTED;
        if (unitGranted && formGranted && verificationAllowed) {
            return;
        }
        String prefix = single ? "" : "[" + index + "].";
        if (!unitGranted) {
            forbidden.add(new Problem.FieldError(prefix + "orgUnitCode", "not among your granted org units"));
        }
        if (!formGranted) {
            forbidden.add(new Problem.FieldError(prefix + "form", "not among the forms your partner is granted"));
        }
        if (!verificationAllowed) {
            forbidden.add(new Problem.FieldError(prefix + "verificationStatus",
                    "a reporter may not decide verification; another manager decides through the verification endpoint"));
        }
    }

    /** The hashes of the files the batch's records name without a link, to look up in one query. */
    private static Set<String> referencedFiles(List<Submitted> records) {
        Set<String> hashes = new HashSet<>();
        for (Submitted record : records) {
            if (record.request() != null && record.request().evidence() != null) {
                record.request().evidence().stream().filter(EvidenceReferences::isReference)
                        .map(Evidence::sha256).filter(SHA256).forEach(hashes::add);
            }
        }
        return hashes;
    }

    /** Gives each reference the link its file is served at for its activity, now that the activity has its id. */
    private void locateReferencedFiles(List<Activity> activities) {
        for (Activity activity : activities) {
            List<Evidence> located = references.located(activity.id, activity.evidence);
            if (located != null) {
                activity.evidence = located;
            }
        }
    }

    /** An evidence item's faults: neither link nor hash, or a hash no uploaded file has. */
    private static String evidenceFaults(ActivityRequest request, Map<String, EvidenceReferences.Stored> files,
            List<Problem.FieldError> errors) {
        String problem = null;
        List<Evidence> evidence = request.evidence();
        for (int i = 0; evidence != null && i < evidence.size(); i++) {
            Evidence item = evidence.get(i);
            if (item == null || item.url() != null) {
                continue;
            }
            if (item.sha256() == null) {
                errors.add(new Problem.FieldError("evidence[" + i + "].url", "must not be blank: a link, or leave it "
                        + "out and give the sha256 of a file uploaded to /api/v1/evidence-files"));
                problem = problem == null ? "invalid-activity" : problem;
            } else if (SHA256.test(item.sha256()) && !files.containsKey(item.sha256())) {
                errors.add(new Problem.FieldError("evidence[" + i + "].sha256", "no uploaded file has this SHA-256; "
                        + "upload the file to /api/v1/evidence-files first"));
                problem = problem == null ? UNKNOWN_EVIDENCE_FILE : problem;
            }
        }
        return problem;
    }

    /** The target groups the batch's breakdowns may name, in one query; none looked up when no record splits by group. */
    private TargetGroups.Known groupsOf(List<Submitted> records) {
        Set<UUID> campaigns = new HashSet<>();
        boolean any = false;
        for (Submitted record : records) {
            if (record.request() != null && BreakdownRules.namesGroups(record.request())) {
                any = true;
                if (record.request().campaignId() != null) {
                    campaigns.add(record.request().campaignId());
                }
            }
        }
        return any ? targetGroups.of(campaigns) : TargetGroups.Known.NONE;
    }

    /**
     * The breakdowns' faults. A campaign not known here is refused like an unknown assignment (it may be
     * moments old); its record's sums are still checked, its groups against the whole vocabulary.
     */
    private static String breakdownFaults(ActivityRequest request, TargetGroups.Known groups,
            List<Problem.FieldError> errors) {
        if (request.breakdowns() == null) {
            return null;
        }
        String problem = null;
        Set<String> allowed = groups.vocabulary();
        if (request.campaignId() != null && BreakdownRules.namesGroups(request)) {
            allowed = groups.byCampaign().get(request.campaignId());
            if (allowed == null) {
                allowed = groups.vocabulary();
                errors.add(new Problem.FieldError("campaignId", "no campaign '" + request.campaignId() + "' is known "
                        + "to check the target groups against; one created moments ago may take a few seconds to "
                        + "reach this service, retry then"));
                problem = BreakdownRules.UNKNOWN_CAMPAIGN;
            }
        }
        List<Problem.FieldError> faults = BreakdownRules.check(request, allowed);
        errors.addAll(faults);
        return problem != null ? problem : faults.isEmpty() ? null : BreakdownRules.INVALID;
    }

    private Result validate(Submitted record, Map<String, Known> units, Map<UUID, OffsetDateTime> communicators,
            Map<UUID, ActivityMatches.Assignment> assignments, TargetGroups.Known groups,
            Map<String, EvidenceReferences.Stored> files) {
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
        FormCatalogue.Form form = forms.find(request.form());
        if (request.form() != null && form == null && errors.stream().noneMatch(e -> "form".equals(e.field()))) {
            // Known here only once plan-service's event reached the replica: "not yet" cannot be told from "never".
            errors.add(new Problem.FieldError("form", UNKNOWN_FORM_MESSAGE));
            problem = problem == null ? UNKNOWN_FORM : problem;
        } else if (form != null && form.retired() && record.targetId() == null && !request.isCorrection()) {
            // Retired for new activities only: a correction of one reported before keeps its form.
            errors.add(new Problem.FieldError("form", RETIRED_FORM_MESSAGE));
            problem = problem == null ? RETIRED_FORM : problem;
        }
        errors.addAll(FormRules.check(request, form));
        if (problem == null && !errors.isEmpty()) {
            problem = "invalid-activity";
        }
        String split = breakdownFaults(request, groups, errors);
        problem = problem == null ? split : problem;
        String evidenceProblem = evidenceFaults(request, files, errors);
        problem = problem == null ? evidenceProblem : problem;
        List<UUID> present = request.communicatorIds();
        for (int i = 0; present != null && i < present.size(); i++) {
            if (present.get(i) == null) {
                continue;
            }
            if (!communicators.containsKey(present.get(i))) {
                errors.add(new Problem.FieldError("communicatorIds[" + i + "]", "no communicator with this id"));
                problem = problem == null ? "unknown-communicator" : problem;
                continue;
            }
            OffsetDateTime deactivated = communicators.get(present.get(i));
            if (deactivated != null && (request.startedAt() == null || !request.startedAt().isBefore(deactivated))) {
                errors.add(new Problem.FieldError("communicatorIds[" + i + "]", "deactivated before the activity"));
                problem = problem == null ? "communicator-deactivated" : problem;
            }
        }
        Known unit = request.orgUnitCode() == null ? null : units.get(request.orgUnitCode());
        if (request.orgUnitCode() != null && !request.orgUnitCode().isBlank() && unit == null) {
            errors.add(new Problem.FieldError("orgUnitCode", "no org unit '" + request.orgUnitCode() + "'"));
            problem = problem == null ? "unknown-org-unit" : problem;
        } else if (unit != null && unit.validTo() != null && request.startedAt() != null
                && AgencyDay.of(request.startedAt()).isAfter(unit.validTo())) {
            errors.add(new Problem.FieldError("orgUnitCode", "org unit '" + request.orgUnitCode() + "' closed on "
                    + unit.validTo()));
            problem = problem == null ? "org-unit-closed" : problem;
        }
        if (request.assignmentId() != null) {
            ActivityMatches.Assignment assignment = assignments.get(request.assignmentId());
            List<Problem.FieldError> mismatches = AssignmentMatch.check(request, unit == null ? null : unit.path(),
                    assignment);
            if (!mismatches.isEmpty()) {
                errors.addAll(mismatches);
                problem = problem == null ? (assignment == null ? AssignmentMatch.UNKNOWN : AssignmentMatch.MISMATCH)
                        : problem;
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return new Result(record.index(), Outcome.REJECTED, null, request.externalId(), request.clientId(), null,
                problem, errors);
    }
}
