package vn.commops.crisis.crisiscase;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/**
 * Asks a unit for the communication that rebuilds confidence after a crisis (seed 000: "inform after
 * the crisis"); plan-service turns the event into an assignment.
 */
@ApplicationScoped
public class PostCrisisService {

    /** Only once the crisis is over is there something to inform about afterwards. */
    private static final EnumSet<CaseStatus> MAY_REQUEST = EnumSet.of(CaseStatus.RESOLVED, CaseStatus.POST_CRISIS_REVIEW);

    private final Caller caller;
    private final CaseReader reader;
    private final CaseEvents events;

    PostCrisisService(Caller caller, CaseReader reader, CaseEvents events) {
        this.caller = caller;
        this.reader = reader;
        this.events = events;
    }

    @Transactional
    public Requested request(UUID caseId, CaseRequests.PostCrisis body, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<PostCrisisRequest> earlier = PostCrisisRequest.find("idempotencyKey", idempotencyKey)
                    .firstResultOptional();
            if (earlier.isPresent()) {
                return new Requested(CaseViews.PostCrisis.of(earlier.get()), false);
            }
        }
        CrisisCase c = reader.require(caseId);
        if (!MAY_REQUEST.contains(c.status)) {
            throw ProblemException.conflict("case-not-resolved", "post-crisis communication is asked for a RESOLVED "
                    + "case or one in POST_CRISIS_REVIEW; this case is " + c.status);
        }
        String unitCode = body.orgUnitCode() == null ? c.orgUnitCode : body.orgUnitCode();
        KnownOrgUnit unit = KnownOrgUnit.<KnownOrgUnit>findByIdOptional(unitCode).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", "orgUnitCode", "no org unit '" + unitCode + "'"));
        OffsetDateTime now = OffsetDateTime.now();
        PostCrisisRequest request = new PostCrisisRequest();
        request.requestId = UUID.randomUUID();
        request.caseId = c.id;
        request.orgUnitCode = unit.code;
        request.title = body.title().strip();
        request.brief = body.brief().strip();
        request.forms = List.copyOf(body.forms());
        request.quantity = body.quantity();
        request.dueDate = body.dueDate();
        request.requestedBy = caller.name();
        request.requestedAt = now;
        request.idempotencyKey = idempotencyKey;
        request.persist();
        TimelineEntry.record(c.id, now, TimelineEntry.Kind.POST_CRISIS_REQUESTED, caller.name(), "Asked " + unit.code
                + " for " + request.quantity + " × " + request.forms + " by " + request.dueDate + ": " + request.title);
        events.postCrisisRequested(request);
        return new Requested(CaseViews.PostCrisis.of(request), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseViews.PostCrisis> of(UUID caseId) {
        reader.require(caseId);
        return PostCrisisRequest.<PostCrisisRequest>list("caseId", Sort.ascending("requestedAt"), caseId).stream()
                .map(CaseViews.PostCrisis::of).toList();
    }

    public record Requested(CaseViews.PostCrisis request, boolean isNew) {
    }
}
