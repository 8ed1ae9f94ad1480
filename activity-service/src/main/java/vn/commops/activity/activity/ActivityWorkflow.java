package vn.commops.activity.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.bulk.ActivityRows;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/**
 * Verification (reported → verified | rejected | needs information) and withdrawal. Each makes a new
 * revision, keeps the one it replaces, and publishes the whole new revision.
 */
@ApplicationScoped
public class ActivityWorkflow {

    @Schema(name = "VerificationDecision")
    public record Decision(
            @NotNull @Schema(examples = "NEEDS_INFORMATION") VerificationStatus decision,
            @Size(max = 1000) @Schema(description = "Required to reject or to ask for information",
                    examples = "Thiếu ảnh danh sách người tham dự") String reason) {
    }

    @Schema(name = "Withdrawal")
    public record Withdrawal(
            @NotBlank @Size(max = 1000) @Schema(examples = "Nhập trùng với báo cáo của Bưu điện tỉnh") String reason) {
    }

    private final ActivityRows rows;
    private final ActivityEvents events;
    private final Caller caller;

    ActivityWorkflow(ActivityRows rows, ActivityEvents events, Caller caller) {
        this.rows = rows;
        this.events = events;
        this.caller = caller;
    }

    @Transactional
    public ActivityView verify(UUID id, Decision decision) {
        Activity activity = ActivityService.find(id);
        String path = requireUnit(activity);
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
        activity.verificationStatus = decision.decision();
        return change(activity, Activity.Change.VERIFIED, decision.reason(), path);
    }

    @Transactional
    public ActivityView withdraw(UUID id, Withdrawal withdrawal) {
        Activity activity = ActivityService.find(id);
        String path = requireUnit(activity);
        if (caller.isPartner() && !caller.partnerId().equals(activity.partnerId)) {
            throw new ProblemException(403, "not-your-record", "Not allowed",
                    "A partner withdraws only the activities it reported", List.of());
        }
        if (activity.withdrawn) {
            throw ProblemException.conflict("activity-withdrawn", "Activity " + id + " is already withdrawn");
        }
        activity.withdrawn = true;
        return change(activity, Activity.Change.WITHDRAWN, withdrawal.reason(), path);
    }

    private ActivityView change(Activity activity, Activity.Change change, String reason, String path) {
        rows.snapshot(activity.id);
        activity.revision++;
        activity.lastChange = change;
        activity.changeReason = reason;
        activity.changedBy = caller.name();
        activity.updatedAt = OffsetDateTime.now();
        activity.changeSeq = ((Number) Activity.getEntityManager()
                .createNativeQuery("select nextval('activity_change_seq')").getSingleResult()).longValue();
        Activity.getEntityManager().flush();
        events.published(activity, path);
        return ActivityView.of(activity);
    }

    private String requireUnit(Activity activity) {
        KnownOrgUnit unit = KnownOrgUnit.findById(activity.orgUnitCode);
        String path = unit == null ? null : unit.path;
        caller.requireUnit(activity.orgUnitCode, path, "id");
        return path;
    }
}
