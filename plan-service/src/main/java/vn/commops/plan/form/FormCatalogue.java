package vn.commops.plan.form;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import vn.commops.common.api.IfMatch;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/**
 * The catalogue of forms of communication: the national centre adds, changes and retires forms without a
 * release; campaigns and assignments here, and activities in activity-service (through the events), are
 * checked against it. A form is never deleted: activities, campaigns and assignments already name it.
 */
@ApplicationScoped
public class FormCatalogue {

    static final String FORM = "Communication form";
    public static final String UNKNOWN = "unknown-communication-form";
    public static final String RETIRED = "communication-form-retired";

    private final Caller caller;
    private final CommunicationFormEvents events;

    FormCatalogue(Caller caller, CommunicationFormEvents events) {
        this.caller = caller;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommunicationFormView> list(boolean includeRetired) {
        return CommunicationForm.<CommunicationForm>list(includeRetired ? "order by code"
                : "retired = false order by code").stream().map(CommunicationFormView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CommunicationFormView get(String code) {
        return CommunicationFormView.of(find(code));
    }

    /** Adds a form; a retry of the same addition answers the stored form (false), a different one is a 409. */
    @Transactional
    public Added add(CommunicationFormRequest request) {
        CommunicationForm existing = CommunicationForm.findById(request.code());
        if (existing != null) {
            if (sameContent(existing, request.content())) {
                return new Added(CommunicationFormView.of(existing), false);
            }
            throw ProblemException.withArgs(409, "communication-form-exists", "Conflict with the current state",
                    "A form with code '" + request.code() + "' exists with other content; change it with PUT",
                    request.code());
        }
        CommunicationForm form = new CommunicationForm();
        form.code = request.code();
        form.createdBy = caller.name();
        form.createdAt = OffsetDateTime.now();
        apply(form, request.content());
        form.persistAndFlush();
        events.added(form, caller.name());
        return new Added(CommunicationFormView.of(form), true);
    }

    public record Added(CommunicationFormView form, boolean created) {
    }

    /** Changes a form; a change that changes nothing publishes nothing. */
    @Transactional
    public CommunicationFormView change(String code, CommunicationFormRequest.Change change, Integer ifMatch) {
        CommunicationForm form = find(code);
        IfMatch.check(ifMatch, form.version, FORM);
        if (!sameContent(form, change)) {
            apply(form, change);
            form.persistAndFlush();
            events.changed(form, caller.name());
        }
        return CommunicationFormView.of(form);
    }

    /** Retires a form: refused from now on for new activities, campaigns and assignments. Retiring twice is once. */
    @Transactional
    public CommunicationFormView retire(String code, Integer ifMatch) {
        CommunicationForm form = find(code);
        IfMatch.check(ifMatch, form.version, FORM);
        if (!form.retired) {
            form.retired = true;
            form.updatedAt = OffsetDateTime.now();
            form.persistAndFlush();
            events.retired(form, caller.name());
        }
        return CommunicationFormView.of(form);
    }

    /**
     * The form a campaign or assignment names, known and not retired; a retired form is still accepted where
     * the campaign or assignment already used it ({@code alreadyUsed}), so editing other fields keeps working.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CommunicationForm requireUsable(String code, String field, boolean alreadyUsed) {
        CommunicationForm form = CommunicationForm.findById(code);
        if (form == null) {
            throw ProblemException.invalidField(UNKNOWN, field, "is not a known form of communication");
        }
        if (form.retired && !alreadyUsed) {
            throw ProblemException.invalidField(RETIRED, field, "is a retired form of communication");
        }
        return form;
    }

    /** The form of this code when it may be used for new work; null otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CommunicationForm usable(String code) {
        CommunicationForm form = code == null ? null : CommunicationForm.findById(code);
        return form == null || form.retired ? null : form;
    }

    private static void apply(CommunicationForm form, CommunicationFormRequest.Change change) {
        form.channel = change.channel();
        form.nameVi = change.nameVi().strip();
        form.nameEn = change.nameEn().strip();
        form.requiredFigures = change.requiredFigures().stream().distinct().toArray(String[]::new);
        form.updatedAt = OffsetDateTime.now();
    }

    private static boolean sameContent(CommunicationForm form, CommunicationFormRequest.Change change) {
        return form.channel == change.channel() && form.nameVi.equals(change.nameVi().strip())
                && form.nameEn.equals(change.nameEn().strip())
                && Arrays.asList(form.requiredFigures).equals(change.requiredFigures().stream().distinct().toList());
    }

    private static CommunicationForm find(String code) {
        return CommunicationForm.<CommunicationForm>findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound(FORM, code));
    }
}
