package vn.commops.plan.orgunit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.plan.orgunit.ReorganisationRecord.Kind;
import vn.commops.plan.orgunit.ReorganisationRecord.Status;

/**
 * When a reorganisation takes effect. One dated today or earlier applies at once. One dated later is
 * checked now exactly as if it applied (the same code runs in a transaction that is rolled back), then
 * kept PENDING: nothing changes, here or in any replica, until its day, when {@link ReorganisationJob}
 * applies it and its org-unit events go out. Until then it is listed as scheduled and may be cancelled
 * by whoever may make it. While a change is pending, no other change may touch its units: the pending
 * one was checked against the hierarchy as it is, and must find it so.
 */
@ApplicationScoped
public class Reorganisations {

    /** Who settles a scheduled change that takes effect: no person, the date. */
    static final String JOB = "reorganisation-job";

    private final OrgUnitReorganiser reorganiser;
    private final OrgUnitService units;
    private final OrgUnitEvents events;
    private final OrgUnitCalendar calendar;
    private final Caller caller;
    private final ObjectMapper json;

    Reorganisations(OrgUnitReorganiser reorganiser, OrgUnitService units, OrgUnitEvents events,
            OrgUnitCalendar calendar, Caller caller, ObjectMapper json) {
        this.reorganiser = reorganiser;
        this.units = units;
        this.events = events;
        this.calendar = calendar;
        this.caller = caller;
        this.json = json;
    }

    /** What a request came to: applied now (the units after it), or scheduled (the pending change). */
    public record Submitted(List<OrgUnitView> units, ReorganisationView scheduled) {
    }

    @FunctionalInterface
    interface Application {
        List<OrgUnitView> apply(Predicate<String> mayActOnPath, ChangeNote note);
    }

    public Submitted update(String code, Reorganisation.Update request) {
        Reorganisation.Update dated = request.effectiveDate() == null ? request.on(calendar.today()) : request;
        return submit(Kind.UPDATE, List.of(code), List.of(code), dated, dated.effectiveDate(), dated.reason(),
                application(Kind.UPDATE, code, dated));
    }

    public Submitted move(String code, Reorganisation.Move request) {
        return submit(Kind.MOVE, List.of(code, request.parentCode()), List.of(code), request,
                request.effectiveDate(), request.reason(), application(Kind.MOVE, code, request));
    }

    public Submitted merge(Reorganisation.Merge request) {
        Set<String> touched = new LinkedHashSet<>(request.mergedCodes());
        touched.add(request.successorCode());
        return submit(Kind.MERGE, List.copyOf(touched), List.copyOf(touched), request, request.effectiveDate(),
                request.reason(), application(Kind.MERGE, null, request));
    }

    public Submitted split(String code, Reorganisation.Split request) {
        List<String> touched = new ArrayList<>(List.of(code));
        request.successors().forEach(successor -> touched.add(successor.code()));
        return submit(Kind.SPLIT, touched, List.of(code), request, request.effectiveDate(), request.reason(),
                application(Kind.SPLIT, code, request));
    }

    public Submitted close(String code, Reorganisation.Close request) {
        List<String> touched = new ArrayList<>(List.of(code));
        if (request.successorCode() != null) {
            touched.add(request.successorCode());
        }
        return submit(Kind.CLOSE, touched, List.of(code), request, request.effectiveDate(), request.reason(),
                application(Kind.CLOSE, code, request));
    }

    private Application application(Kind kind, String code, Object request) {
        return switch (kind) {
            case UPDATE -> (grants, note) -> units.update(code, (Reorganisation.Update) request, grants, note);
            case MOVE -> (grants, note) -> reorganiser.move(code, (Reorganisation.Move) request, grants, note);
            case MERGE -> (grants, note) -> reorganiser.merge((Reorganisation.Merge) request, grants, note);
            case SPLIT -> (grants, note) -> reorganiser.split(code, (Reorganisation.Split) request, grants, note);
            case CLOSE -> (grants, note) -> reorganiser.close(code, (Reorganisation.Close) request, grants, note);
        };
    }

    private Submitted submit(Kind kind, List<String> touched, List<String> subjects, Object request,
            LocalDate effectiveDate, String reason, Application application) {
        String actor = caller.name() == null ? "system" : caller.name();
        if (!effectiveDate.isAfter(calendar.today())) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                requireNonePending(touched);
                ReorganisationRecord record = record(kind, touched, subjects, request, effectiveDate, reason, actor,
                        Status.APPLIED);
                record.settledBy = actor;
                record.settledAt = record.requestedAt;
                record.persist();
                List<OrgUnitView> after = application.apply(caller::mayActOn,
                        new ChangeNote(actor, reason, record.id));
                events.reorganisation(OrgUnitEvents.REORGANISATION_APPLIED, view(record));
                return new Submitted(after, null);
            });
        }
        // Refused now for whatever would refuse it today; nothing of the trial run is kept.
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                application.apply(caller::mayActOn, new ChangeNote(actor, reason, null));
                throw new TrialRunDone();
            });
        } catch (TrialRunDone expected) {
            // it would apply: rolled back, as it should be
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            requireNonePending(touched);
            ReorganisationRecord record = record(kind, touched, subjects, request, effectiveDate, reason, actor,
                    Status.PENDING);
            record.persist();
            ReorganisationView view = view(record);
            events.reorganisation(OrgUnitEvents.REORGANISATION_SCHEDULED, view);
            return new Submitted(null, view);
        });
    }

    /** Ends a trial run by rolling it back. */
    private static final class TrialRunDone extends RuntimeException {
        TrialRunDone() {
            super("trial run of a scheduled reorganisation", null, false, false);
        }
    }

    /** Locks the units (so two requests on them take turns) and refuses if a change of theirs is pending. */
    private static void requireNonePending(List<String> codes) {
        OrgUnit.<OrgUnit>find("code in ?1", codes).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (String code : codes) {
            ReorganisationRecord pending = ReorganisationRecord.<ReorganisationRecord>find(
                    "status = :status and " + ReorganisationRecord.TOUCHES,
                    Parameters.with("status", Status.PENDING).and("needle", ReorganisationRecord.needle(code)))
                    .firstResult();
            if (pending != null) {
                throw ProblemException.conflict("org-unit-change-pending", "'" + code + "' has a " + pending.kind
                        + " scheduled for " + pending.effectiveDate + " (reorganisation " + pending.id
                        + "); cancel it first");
            }
        }
    }

    private ReorganisationRecord record(Kind kind, List<String> touched, List<String> subjects, Object request,
            LocalDate effectiveDate, String reason, String actor, Status status) {
        ReorganisationRecord record = new ReorganisationRecord();
        record.kind = kind;
        record.unitCodes = ReorganisationRecord.codes(touched);
        record.subjectCodes = ReorganisationRecord.codes(subjects);
        try {
            record.request = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request", e);
        }
        record.effectiveDate = effectiveDate;
        record.reason = reason;
        record.status = status;
        record.requestedBy = actor;
        record.requestedAt = OffsetDateTime.now();
        return record;
    }

    /** Applies a pending change whose day has come, as its requester made it; see {@link ReorganisationJob}. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean applyPending(Long id) {
        ReorganisationRecord record = ReorganisationRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (record == null || record.status != Status.PENDING) {
            return false;
        }
        String code = record.kind == Kind.MERGE ? null : record.subjectCodeList().get(0);
        application(record.kind, code, request(record)).apply(path -> true,
                new ChangeNote(record.requestedBy, record.reason, record.id));
        settle(record, Status.APPLIED, JOB, null);
        events.reorganisation(OrgUnitEvents.REORGANISATION_APPLIED, view(record));
        return true;
    }

    /** A pending change that can no longer apply (a unit involved closed since, say) ends here, with why. */
    @Transactional(Transactional.TxType.MANDATORY)
    void failPending(Long id, String why) {
        ReorganisationRecord record = ReorganisationRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (record != null && record.status == Status.PENDING) {
            settle(record, Status.FAILED, JOB, why);
            events.reorganisation(OrgUnitEvents.REORGANISATION_FAILED, view(record));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<Long> due(LocalDate today) {
        return ReorganisationRecord.getEntityManager().createQuery("select r.id from ReorganisationRecord r "
                + "where r.status = :status and r.effectiveDate <= :today order by r.effectiveDate, r.id", Long.class)
                .setParameter("status", Status.PENDING).setParameter("today", today).getResultList();
    }

    @Transactional
    public ReorganisationView cancel(Long id, Reorganisation.Cancel request) {
        ReorganisationRecord record = ReorganisationRecord.<ReorganisationRecord>findByIdOptional(id,
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ProblemException.notFound("Reorganisation",
                String.valueOf(id)));
        for (String code : record.subjectCodeList()) {
            OrgUnit unit = OrgUnit.findByCode(code).orElse(null);
            if (unit != null) {
                OrgUnitReorganiser.requireParentGranted(caller::mayActOn, unit, "id");
            }
        }
        if (record.status != Status.PENDING) {
            throw ProblemException.conflict("reorganisation-not-pending",
                    "reorganisation " + id + " is " + record.status + "; only a pending one can be cancelled");
        }
        if (!record.effectiveDate.isAfter(calendar.today())) {
            throw ProblemException.conflict("reorganisation-in-effect", "reorganisation " + id + " took effect on "
                    + record.effectiveDate + "; reorganise again to undo it");
        }
        settle(record, Status.CANCELLED, caller.name(), request == null ? null : request.reason());
        ReorganisationView view = view(record);
        events.reorganisation(OrgUnitEvents.REORGANISATION_CANCELLED, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReorganisationView get(Long id) {
        return ReorganisationRecord.<ReorganisationRecord>findByIdOptional(id).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("Reorganisation", String.valueOf(id)));
    }

    /** Reorganisations, soonest effective first; of one unit and in one status when asked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<ReorganisationView> list(String unitCode, Status status, PageRequest paging) {
        PanacheQuery<ReorganisationRecord> query = query(unitCode, status).get();
        List<ReorganisationView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(this::view).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query, checked now and built when asked: an export runs it in its own transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supplier<PanacheQuery<ReorganisationRecord>> query(String unitCode, Status status) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (unitCode != null) {
            OrgUnitService.find(unitCode);
            conditions.add(ReorganisationRecord.TOUCHES);
            parameters.and("needle", ReorganisationRecord.needle(unitCode));
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        String where = (conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions))
                + " order by effectiveDate, id";
        return () -> ReorganisationRecord.<ReorganisationRecord>find(where, parameters);
    }

    /** Every version of the unit with who, when and why, and every reorganisation that touched it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgUnitHistoryView history(String code) {
        OrgUnitService.find(code);
        List<OrgUnitHistoryView.Version> versions = OrgUnitVersion.of(code).stream()
                .map(OrgUnitHistoryView.Version::of).toList();
        List<ReorganisationView> changes = ReorganisationRecord.<ReorganisationRecord>find(
                ReorganisationRecord.TOUCHES + " order by effectiveDate, id",
                Parameters.with("needle", ReorganisationRecord.needle(code))).list().stream().map(this::view).toList();
        return new OrgUnitHistoryView(code, versions, changes);
    }

    private static void settle(ReorganisationRecord record, Status status, String by, String note) {
        record.status = status;
        record.settledBy = by;
        record.settledAt = OffsetDateTime.now();
        record.settleNote = note;
    }

    private Object request(ReorganisationRecord record) {
        Class<?> type = switch (record.kind) {
            case UPDATE -> Reorganisation.Update.class;
            case MOVE -> Reorganisation.Move.class;
            case MERGE -> Reorganisation.Merge.class;
            case SPLIT -> Reorganisation.Split.class;
            case CLOSE -> Reorganisation.Close.class;
        };
        try {
            return json.readValue(record.request, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reorganisation " + record.id + " holds an unreadable request", e);
        }
    }

    private ReorganisationView view(ReorganisationRecord record) {
        try {
            JsonNode request = json.readTree(record.request);
            return ReorganisationView.of(record, request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reorganisation " + record.id + " holds an unreadable request", e);
        }
    }
}
