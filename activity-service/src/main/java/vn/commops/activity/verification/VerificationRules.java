package vn.commops.activity.verification;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.form.FormCatalogue;
import vn.commops.common.api.IfMatch;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/** The evidence rules per form, set by the national centre. Setting a rule to what it is changes nothing. */
@ApplicationScoped
public class VerificationRules {

    @Schema(name = "VerificationRuleRequest", description = "What evidence a verification of the form needs")
    public record RuleRequest(
            @NotNull @Min(0) @Max(100) @Schema(description = "Evidence items at least", examples = "1") Integer minEvidence,
            @NotNull @Schema(description = "One item must be a photo (image media type or link ending)",
                    examples = "true") Boolean photoRequired,
            @NotNull @Schema(description = "That item must carry its capture position", examples = "true")
            Boolean positionRequired,
            @NotNull @Schema(description = "That item must carry its capture time", examples = "false")
            Boolean captureTimeRequired,
            @Min(1) @Max(1_000_000) @Schema(description = "Captured at most this far from the activity's position; "
                    + "null: anywhere", examples = "2000") Integer maxDistanceMetres,
            @Min(1) @Max(525_600) @Schema(description = "Captured at most this long before its start or after its "
                    + "end; null: any time", examples = "720") Integer maxMinutesFromActivity) {
    }

    @Schema(name = "VerificationRule", description = "What evidence a verification of the form needs")
    public record RuleView(
            @Schema(examples = "SMALL_GROUP") String form,
            @Schema(examples = "1") int minEvidence,
            @Schema(examples = "true") boolean photoRequired,
            @Schema(examples = "true") boolean positionRequired,
            @Schema(examples = "false") boolean captureTimeRequired,
            @Schema(examples = "2000") Integer maxDistanceMetres,
            @Schema(examples = "720") Integer maxMinutesFromActivity,
            @Schema(examples = "national-admin") String updatedBy,
            OffsetDateTime updatedAt,
            @Schema(description = "Optimistic-concurrency version, also the ETag", examples = "1") int version) {

        static RuleView of(VerificationRule r) {
            return new RuleView(r.form, r.minEvidence, r.photoRequired, r.positionRequired, r.captureTimeRequired,
                    r.maxDistanceMetres, r.maxMinutesFromActivity, r.updatedBy, r.updatedAt, r.version);
        }
    }

    public record Saved(RuleView rule, boolean created) {
    }

    private final Caller caller;
    private final VerificationEvents events;
    private final FormCatalogue forms;

    VerificationRules(Caller caller, VerificationEvents events, FormCatalogue forms) {
        this.caller = caller;
        this.events = events;
        this.forms = forms;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleView> list() {
        return VerificationRule.<VerificationRule>listAll(Sort.by("form")).stream()
                .map(RuleView::of).toList();
    }

    @Transactional
    public Saved put(String form, RuleRequest request, Integer expectedVersion) {
        if (forms.find(form) == null) {
            throw ProblemException.invalidField("unknown-form", "form", "no form '" + form + "'");
        }
        VerificationRule rule = VerificationRule.findById(form);
        boolean created = rule == null;
        if (!created) {
            IfMatch.check(expectedVersion, rule.version, "Verification rule");
        }
        if (created) {
            rule = new VerificationRule();
            rule.form = form;
        } else if (same(rule, request)) {
            return new Saved(RuleView.of(rule), false);
        }
        rule.minEvidence = request.minEvidence();
        rule.photoRequired = request.photoRequired();
        rule.positionRequired = request.positionRequired();
        rule.captureTimeRequired = request.captureTimeRequired();
        rule.maxDistanceMetres = request.maxDistanceMetres();
        rule.maxMinutesFromActivity = request.maxMinutesFromActivity();
        rule.updatedBy = caller.name();
        rule.updatedAt = OffsetDateTime.now();
        if (created) {
            rule.persist();
        }
        VerificationRule.getEntityManager().flush();
        events.ruleChanged(rule);
        return new Saved(RuleView.of(rule), created);
    }

    private static boolean same(VerificationRule rule, RuleRequest request) {
        return rule.minEvidence == request.minEvidence() && rule.photoRequired == request.photoRequired()
                && rule.positionRequired == request.positionRequired()
                && rule.captureTimeRequired == request.captureTimeRequired()
                && Objects.equals(rule.maxDistanceMetres, request.maxDistanceMetres())
                && Objects.equals(rule.maxMinutesFromActivity, request.maxMinutesFromActivity());
    }
}
