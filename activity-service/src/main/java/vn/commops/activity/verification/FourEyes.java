package vn.commops.activity.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.commops.activity.activity.Activity;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/**
 * No one decides the verification of what they reported, nor of what their own unit reported for
 * itself. Whoever corrected the content counts as a reporter of it too. National administrators are
 * held to the same rule: the control is about persons, not ranks.
 */
@ApplicationScoped
public class FourEyes {

    public static final String OWN_REPORT = "own-report";

    /**
     * Names who reported or corrected an activity before its current revision: corrections are kept
     * only in the revision history. (The current revision's author is on the row.)
     */
    static final String CORRECTED_BEFORE = "exists (select 1 from activity_revision r where r.activity_id = a.id "
            + "and r.snapshot ->> 'last_change' = 'CORRECTED' and r.snapshot ->> 'changed_by' = :caller)";

    private final Caller caller;

    FourEyes(Caller caller) {
        this.caller = caller;
    }

    /** Refuses with 403 {@value #OWN_REPORT} when the caller may not decide this activity, saying why. */
    public void require(Activity activity) {
        String name = caller.name();
        if (name != null && (name.equals(activity.reportedBy) || correctedBy(activity, name))) {
            throw refusal("You reported or corrected activity " + activity.id + "; another manager decides it",
                    "you reported or corrected it");
        }
        if (ownUnitsReport(activity)) {
            throw refusal("Activity " + activity.id + " was reported by its own unit " + activity.orgUnitCode
                    + ", which is yours; a manager of a unit above decides it", "your own unit reported it for itself");
        }
    }

    /** Whether the caller is of the unit that reported this activity for itself. */
    boolean ownUnitsReport(Activity activity) {
        return activity.ownUnitReport && activity.partnerId == null
                && caller.grantedUnits().contains(activity.orgUnitCode);
    }

    private static boolean correctedBy(Activity activity, String name) {
        if (activity.lastChange == Activity.Change.CORRECTED && name.equals(activity.changedBy)) {
            return true;
        }
        if (activity.revision == 1) {
            return false;
        }
        List<?> found = Activity.getEntityManager().createNativeQuery("select 1 from activity a where a.id = :id and "
                + CORRECTED_BEFORE).setParameter("id", activity.id).setParameter("caller", name).getResultList();
        return !found.isEmpty();
    }

    private static ProblemException refusal(String detail, String why) {
        return new ProblemException(403, OWN_REPORT, "Four eyes: not yours to decide", detail,
                List.of(new Problem.FieldError("id", why)));
    }
}
