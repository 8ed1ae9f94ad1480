package vn.commops.activity.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
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
 * Withdrawal, and the revision every change of state makes (verification decisions, in package
 * {@code verification}, use it too): keeps the one it replaces and publishes the whole new revision.
 */
@ApplicationScoped
public class ActivityWorkflow {

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

    /**
     * Makes the activity's current state a new revision: keeps the one it replaces, stamps who, when and
     * why, and publishes the whole revision in the caller's transaction.
     */
    public ActivityView change(Activity activity, Activity.Change change, String reason, String path) {
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

    /** The activity's unit path, once the caller is found granted on it (403 naming {@code id} otherwise). */
    public String requireUnit(Activity activity) {
        KnownOrgUnit unit = KnownOrgUnit.findById(activity.orgUnitCode);
        String path = unit == null ? null : unit.path;
        caller.requireUnit(activity.orgUnitCode, path, "id");
        return path;
    }
}
