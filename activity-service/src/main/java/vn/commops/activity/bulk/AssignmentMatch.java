package vn.commops.activity.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.activity.AgencyDay;
import vn.commops.common.problem.Problem;

/**
 * An activity reported against an assignment must be work of that assignment: run by its unit or a unit
 * below it, of its form when it names one, and on a day of its period (startDate..dueDate, the day as the
 * reporter's offset gives it). An assignment this service has not heard of is refused rather than
 * dropped: plan-service would otherwise count the activity nowhere. One created moments ago may not have
 * arrived yet (plan-service's events take a few seconds): the refusal says so, and a retry succeeds.
 */
final class AssignmentMatch {

    static final String UNKNOWN = "unknown-assignment";
    static final String MISMATCH = "activity-outside-assignment";

    private AssignmentMatch() {
    }

    /**
     * The faults, each naming the field: none when the activity matches.
     *
     * @param unitPath   the activity's unit's path ('/VN/LC/LC-HOPHAI/'), or null when that unit is unknown
     * @param assignment the assignment it names, or null when it is not known here
     */
    static List<Problem.FieldError> check(ActivityRequest request, String unitPath,
            ActivityMatches.Assignment assignment) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (assignment == null) {
            errors.add(new Problem.FieldError("assignmentId", "no assignment '" + request.assignmentId() + "' is known; "
                    + "one created moments ago may take a few seconds to reach this service, retry then"));
            return errors;
        }
        if (unitPath != null && !unitPath.contains("/" + assignment.orgUnitCode() + "/")) {
            errors.add(new Problem.FieldError("orgUnitCode", "'" + request.orgUnitCode() + "' is not "
                    + assignment.orgUnitCode() + " or a unit below it, as assignment " + assignment.id() + " requires"));
        }
        if (assignment.form() != null && request.form() != null && !assignment.form().equals(request.form())) {
            errors.add(new Problem.FieldError("form", "assignment " + assignment.id() + " is for " + assignment.form()
                    + ", not " + request.form()));
        }
        if (request.startedAt() != null) {
            LocalDate day = AgencyDay.of(request.startedAt());
            boolean early = assignment.startDate() != null && day.isBefore(assignment.startDate());
            if (early || day.isAfter(assignment.dueDate())) {
                errors.add(new Problem.FieldError("startedAt", day + " is outside assignment " + assignment.id()
                        + "'s period " + (assignment.startDate() == null ? "up" : assignment.startDate()) + " to "
                        + assignment.dueDate()));
            }
        }
        return errors;
    }
}
