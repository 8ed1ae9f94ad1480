package vn.commops.crisis.crisiscase;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import vn.commops.common.api.IfMatch;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.text.SearchText;
import vn.commops.common.security.Caller;
import vn.commops.crisis.orgunit.Subtree;
import vn.commops.crisis.signal.CrisisSignal;
import vn.commops.crisis.topic.TopicService;

/** Opens crisis cases and moves them through their lifecycle, with who, when and why on every step. */
@ApplicationScoped
public class CrisisCaseService {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "severity", "severity",
            "status", "status");

    private final Caller caller;
    private final CaseEvents events;
    private final CaseReader reader;

    CrisisCaseService(Caller caller, CaseEvents events, CaseReader reader) {
        this.caller = caller;
        this.events = events;
        this.reader = reader;
    }

    @Transactional
    public Opened open(CaseRequests.Open request, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<CrisisCase> earlier = CrisisCase.find("idempotencyKey", idempotencyKey).firstResultOptional();
            if (earlier.isPresent()) {
                return new Opened(reader.view(earlier.get()), false);
            }
        }
        CaseStatus status = request.status() == null ? CaseStatus.WATCH : request.status();
        if (!EnumSet.of(CaseStatus.WATCH, CaseStatus.OPEN).contains(status)) {
            throw ProblemException.invalidField("invalid-initial-status", "status", "a case starts in WATCH or OPEN");
        }
        OffsetDateTime now = OffsetDateTime.now();
        CrisisCase c = new CrisisCase();
        c.id = UUID.randomUUID();
        if (request.signalId() != null) {
            CrisisSignal signal = signalOf(request.signalId());
            c.signalId = signal.id;
            c.detectedAt = signal.raisedAt;
            c.topicCode = request.topicCode() == null ? signal.topicCode : request.topicCode();
            c.orgUnitCode = request.orgUnitCode() == null ? signal.orgUnitCode : request.orgUnitCode();
            signal.caseId = c.id;
        } else {
            if (request.orgUnitCode() == null) {
                throw ProblemException.invalidField("org-unit-required", "orgUnitCode",
                        "a case opened by hand names its org unit");
            }
            c.topicCode = request.topicCode();
            c.orgUnitCode = request.orgUnitCode();
            c.detectedAt = now;
        }
        if (c.topicCode != null) {
            TopicService.requireKnown(c.topicCode, "topicCode");
        }
        KnownOrgUnit unit = KnownOrgUnit.<KnownOrgUnit>findByIdOptional(c.orgUnitCode).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", "orgUnitCode", "no org unit '" + c.orgUnitCode + "'"));
        c.orgUnitPath = unit.path;
        c.title = request.title().strip();
        c.description = request.description();
        c.severity = request.severity();
        c.owner = request.owner() == null ? caller.name() : request.owner();
        c.status = status;
        c.createdAt = now;
        c.createdBy = caller.name();
        c.idempotencyKey = idempotencyKey;
        // Opening a case as a crisis outright is itself the acknowledgement.
        c.acknowledgedAt = status == CaseStatus.OPEN ? now : null;
        c.persist();
        TimelineEntry.record(c.id, now, TimelineEntry.Kind.OPENED, caller.name(), "Opened in " + status + " ("
                + c.severity + ")" + (c.signalId == null ? " by hand" : " from signal " + c.signalId));
        events.opened(c);
        c.flush();
        return new Opened(reader.view(c), true);
    }

    @Transactional
    public CaseViews.Case update(UUID id, CaseRequests.Update request, Integer expectedVersion) {
        CrisisCase c = reader.require(id);
        IfMatch.check(expectedVersion, c.version, "case '" + id + "'");
        List<String> changes = new ArrayList<>();
        if (c.severity != request.severity()) {
            changes.add("severity " + c.severity + " → " + request.severity());
        }
        String owner = request.owner() == null ? c.owner : request.owner();
        if (!Objects.equals(c.owner, owner)) {
            changes.add("owner " + c.owner + " → " + owner);
        }
        c.title = request.title().strip();
        c.description = request.description();
        c.severity = request.severity();
        c.owner = owner;
        OffsetDateTime now = OffsetDateTime.now();
        TimelineEntry.record(c.id, now, TimelineEntry.Kind.UPDATED, caller.name(),
                changes.isEmpty() ? "Details edited" : String.join("; ", changes));
        events.updated(c, changes, caller.name(), now);
        c.flush();
        return reader.view(c);
    }

    /** Moves the case on; a step its lifecycle does not allow is a 409 and changes nothing. */
    @Transactional
    public CaseViews.Case transition(UUID id, CaseRequests.Transition request, Integer expectedVersion) {
        CrisisCase c = reader.require(id);
        IfMatch.check(expectedVersion, c.version, "case '" + id + "'");
        CaseStatus from = c.status;
        if (!from.mayBecome(request.to())) {
            throw ProblemException.conflict("illegal-transition", "a case in " + from + " cannot become "
                    + request.to() + "; it may become " + from.next());
        }
        OffsetDateTime now = OffsetDateTime.now();
        c.status = request.to();
        if (c.acknowledgedAt == null) {
            c.acknowledgedAt = now;
        }
        if (request.to() == CaseStatus.RESOLVED) {
            c.resolvedAt = now;
        }
        if (request.to() == CaseStatus.CLOSED) {
            c.closedAt = now;
        }
        String reason = request.reason() == null ? null : request.reason().strip();
        TimelineEntry.record(c.id, now, TimelineEntry.Kind.TRANSITIONED, caller.name(),
                from + " → " + request.to() + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        events.transitioned(c, from, caller.name(), reason, now);
        c.flush();
        return reader.view(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<CaseViews.Summary> list(CaseStatus status, Severity severity, String orgUnit, String topicCode,
            String text, PageRequest paging) {
        PanacheQuery<CrisisCase> query = query(status, severity, orgUnit, topicCode, text, paging.sort).get();
        List<CaseViews.Summary> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(CaseViews.Summary::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query, checked now and built when asked: an export runs it in its own transaction. */
    public Supplier<PanacheQuery<CrisisCase>> query(CaseStatus status, Severity severity, String orgUnit,
            String topicCode, String text, String sortParameter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            conditions.add("status = :status");
            parameters.put("status", status);
        }
        if (severity != null) {
            conditions.add("severity = :severity");
            parameters.put("severity", severity);
        }
        if (orgUnit != null) {
            conditions.add("(orgUnitCode = :unit or orgUnitPath like :below)");
            parameters.put("unit", orgUnit);
            parameters.put("below", Subtree.containing(orgUnit));
        }
        if (topicCode != null) {
            conditions.add("topicCode = :topic");
            parameters.put("topic", topicCode);
        }
        if (text != null && !text.isBlank()) {
            // The very expression of the trigram index crisis_case_search_text, so that the index serves it.
            conditions.add("function('crisis_case_search_text' as String, title, description) like :text"
                    + SearchText.LIKE_ESCAPE);
            parameters.put("text", SearchText.containsPattern(text));
        }
        Sort sort = Sorting.of(sortParameter, SORTABLE, Sort.descending("createdAt")).and("id");
        return conditions.isEmpty() ? () -> CrisisCase.<CrisisCase>findAll(sort)
                : () -> CrisisCase.<CrisisCase>find(String.join(" and ", conditions), sort, parameters);
    }

    private static CrisisSignal signalOf(UUID signalId) {
        CrisisSignal signal = CrisisSignal.findById(signalId);
        if (signal == null) {
            throw ProblemException.invalidField("unknown-signal", "signalId", "no signal '" + signalId + "'");
        }
        if (signal.caseId != null) {
            throw ProblemException.conflict("signal-has-case", "signal '" + signalId + "' already has case "
                    + signal.caseId);
        }
        return signal;
    }

    public record Opened(CaseViews.Case crisisCase, boolean isNew) {
    }

}
