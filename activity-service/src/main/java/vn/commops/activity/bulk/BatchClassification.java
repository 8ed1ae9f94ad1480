package vn.commops.activity.bulk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.ActivityContent;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.bulk.ActivityWriter.Outcome;
import vn.commops.activity.bulk.ActivityWriter.Result;
import vn.commops.activity.bulk.ActivityWriter.Submitted;
import vn.commops.activity.activity.Reporter;
import vn.commops.activity.activity.VerificationStatus;
import vn.commops.common.problem.Problem;

/**
 * How the valid records of a batch stand against what is stored under their identities (target
 * id, client id, the reporter's external id, idempotency key) and against each other: created,
 * unchanged, corrected or in conflict, with the rows to insert and to replace. Nothing is written
 * here; records naming a stored activity outside the reporter's grants are collected as forbidden.
 */
final class BatchClassification {

    final List<Activity> creates = new ArrayList<>();
    final List<Activity> corrections = new ArrayList<>();
    final List<Problem.FieldError> forbidden;
    /** Where the result of each of {@link #creates} and {@link #corrections} goes, in the same order. */
    private final int[] createSlots;
    private final int[] correctionSlots;

    private BatchClassification(int records, List<Problem.FieldError> forbidden) {
        this.forbidden = forbidden;
        this.createSlots = new int[records];
        this.correctionSlots = new int[records];
    }

    /**
     * @param slots      where each valid record's result goes in {@code results}
     * @param forbidden  grant faults found so far, kept and added to
     */
    static BatchClassification of(Reporter reporter, List<Submitted> valid, int[] slots, ActivityMatches.Found stored,
            boolean single, Result[] results, List<Problem.FieldError> forbidden, OffsetDateTime now) {
        BatchClassification batch = new BatchClassification(valid.size(), new ArrayList<>(forbidden));
        Map<String, Activity> seenInBatch = new HashMap<>();
        Map<String, String> scopes = new HashMap<>();
        for (int v = 0; v < valid.size(); v++) {
            Submitted record = valid.get(v);
            int slot = slots[v];
            ActivityRequest request = record.request();
            String scope = scopes.computeIfAbsent(request.orgUnitCode(), reporter::scopeFor);
            Activity candidate = ActivityContent.from(request);
            String identity = identity(record, scope);
            ActivityMatches.Stored existing = stored.match(record, scope);
            if (existing != null && !reporter.mayActOn(existing.path())) {
                batch.forbidden.add(new Problem.FieldError((single ? "" : "[" + record.index() + "].")
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
                activity.reportedBy = reporter.name();
                activity.ownUnitReport = !reporter.isPartner() && reporter.tokenUnits().contains(request.orgUnitCode());
                activity.externalId = blankToNull(request.externalId());
                activity.clientId = request.clientId();
                activity.idempotencyKey = record.idempotencyKey();
                activity.revision = 1;
                activity.version = 0;
                activity.lastChange = Activity.Change.RECORDED;
                activity.createdAt = now;
                batch.createSlots[batch.creates.size()] = slot;
                batch.creates.add(activity);
                results[slot] = result(record, Outcome.CREATED, activity, null, List.of());
            } else if (existing.contentHash() != null && existing.contentHash().equals(candidate.contentHash)) {
                results[slot] = new Result(record.index(), Outcome.UNCHANGED, existing.id(), existing.externalId(),
                        existing.clientId(), existing.revision(), null, List.of());
                candidate.id = existing.id();
            } else if (!request.isCorrection() && record.targetId() == null) {
                results[slot] = new Result(record.index(), Outcome.CONFLICT, existing.id(), existing.externalId(),
                        existing.clientId(), existing.revision(), "content-differs", List.of(new Problem.FieldError(
                        identityField(request, existing), "already reported with other content; send it as a "
                                + "correction to replace it")));
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
                batch.correctionSlots[batch.corrections.size()] = slot;
                batch.corrections.add(activity);
                results[slot] = result(record, Outcome.CORRECTED, activity, null, List.of());
            }
            candidate.verificationStatus = request.verificationStatus() != null ? request.verificationStatus()
                    : VerificationStatus.REPORTED;
            candidate.changedBy = reporter.name();
            candidate.updatedAt = now;
            if (identity != null) {
                seenInBatch.put(identity, candidate);
            }
        }
        return batch;
    }

    /** Where the result of the n-th of {@link #creates} goes. */
    int createSlot(int n) {
        return createSlots[n];
    }

    /** Where the result of the n-th of {@link #corrections} goes. */
    int correctionSlot(int n) {
        return correctionSlots[n];
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

    /** The identity by which a record matched the stored activity it conflicts with, for the client to fix. */
    private static String identityField(ActivityRequest request, ActivityMatches.Stored existing) {
        if (request.clientId() != null && request.clientId().equals(existing.clientId())) {
            return "clientId";
        }
        return request.externalId() != null && !request.externalId().isBlank() ? "externalId" : "Idempotency-Key";
    }
}
