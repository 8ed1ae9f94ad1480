package vn.commops.activity.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.ActivityService;
import vn.commops.activity.activity.ActivityView;
import vn.commops.activity.activity.ActivityWorkflow;
import vn.commops.activity.activity.VerificationStatus;
import vn.commops.activity.evidence.AttachedPhotos;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * Deciding an activity's verification (reported → verified | rejected | needs information): by a
 * manager over its unit who neither reported it nor belongs to the unit that reported for itself, and,
 * to verify, with the evidence its form's rule asks for. A decision on a member of an open review
 * sample may complete the sample, whose outcome then extends to its batch in the same transaction.
 */
@ApplicationScoped
public class Verifications {

    public static final String EVIDENCE_RULE_NOT_MET = "evidence-rule-not-met";

    private final ActivityWorkflow workflow;
    private final FourEyes fourEyes;
    private final SampleOutcomes samples;

    Verifications(ActivityWorkflow workflow, FourEyes fourEyes, SampleOutcomes samples) {
        this.workflow = workflow;
        this.fourEyes = fourEyes;
        this.samples = samples;
    }

    @Transactional
    public ActivityView decide(UUID id, Decision decision) {
        Activity activity = ActivityService.find(id);
        String path = workflow.requireUnit(activity);
        if (activity.withdrawn) {
            throw ProblemException.conflict("activity-withdrawn", "Activity " + id + " was withdrawn");
        }
        if (activity.verificationStatus == VerificationStatus.VERIFIED
                || activity.verificationStatus == VerificationStatus.REJECTED) {
            throw ProblemException.conflict("verification-decided", "Activity " + id + " is already "
                    + activity.verificationStatus + "; a correction reopens it");
        }
        if (decision.decision() == VerificationStatus.REPORTED) {
            throw ProblemException.invalidField("invalid-decision", "decision",
                    "must be VERIFIED, REJECTED or NEEDS_INFORMATION");
        }
        if (decision.decision() != VerificationStatus.VERIFIED && (decision.reason() == null || decision.reason().isBlank())) {
            throw ProblemException.invalidField("reason-required", "reason",
                    "a " + decision.decision() + " decision needs a reason");
        }
        fourEyes.require(activity);
        if (decision.decision() == VerificationStatus.VERIFIED) {
            List<String> missing = EvidenceCheck.missing(VerificationRule.findById(activity.form), activity,
                    AttachedPhotos.of(activity.id));
            if (!missing.isEmpty()) {
                throw new ProblemException(422, EVIDENCE_RULE_NOT_MET, "Evidence does not meet the form's rule",
                        "A " + activity.form + " is verified with " + String.join("; ", missing),
                        missing.stream().map(m -> new Problem.FieldError("evidence", m)).toList());
            }
        }
        activity.verificationStatus = decision.decision();
        ActivityView decided = workflow.change(activity, Activity.Change.VERIFIED, decision.reason(), path);
        samples.decided(activity.id);
        return decided;
    }
}
