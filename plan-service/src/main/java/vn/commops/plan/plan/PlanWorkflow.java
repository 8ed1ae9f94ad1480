package vn.commops.plan.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;
import vn.commops.plan.orgunit.OrgUnit;

/**
 * Which moves are legal from which status, and who may make them. A unit's plan is decided
 * (approved or returned) one level up: by a manager granted the owner's parent unit, or a national
 * admin; a root unit's plan only by a national admin. The owner unit's staff submit it; its managers
 * activate and close it.
 */
@ApplicationScoped
class PlanWorkflow {

    private final Caller caller;

    PlanWorkflow(Caller caller) {
        this.caller = caller;
    }

    void requireLegal(Plan plan, PlanAction action) {
        if (action == PlanAction.TRANSFER) {
            throw ProblemException.badRequest("transfer-not-requestable", "action",
                    "plans are transferred by merging or closing their owner unit");
        }
        if (!action.allowedFrom(plan.status)) {
            throw ProblemException.conflict("illegal-transition",
                    "A " + plan.status + " plan cannot " + action.name().toLowerCase() + "; allowed from "
                            + Arrays.stream(PlanStatus.values()).filter(action::allowedFrom).toList());
        }
    }

    void requireMayAct(Plan plan, PlanAction action, OrgUnit owner) {
        if (caller.isNationalAdmin()) {
            return;
        }
        boolean allowed = switch (action) {
            case SUBMIT -> (caller.hasRole(Roles.UNIT_MANAGER) || caller.hasRole(Roles.UNIT_OFFICER))
                    && caller.mayActOn(owner.path);
            case APPROVE, RETURN -> caller.hasRole(Roles.UNIT_MANAGER) && owner.parent != null
                    && caller.mayActOn(owner.parent.path);
            case ACTIVATE, CLOSE -> caller.hasRole(Roles.UNIT_MANAGER) && caller.mayActOn(owner.path);
            case TRANSFER -> false;
        };
        if (!allowed) {
            String who = switch (action) {
                case APPROVE, RETURN -> owner.parent == null
                        ? "a national admin" : "a manager of '" + owner.parent.code + "', the owner's parent unit,";
                case SUBMIT -> "a manager or officer of '" + owner.code + "'";
                default -> "a manager of '" + owner.code + "'";
            };
            throw new ProblemException(403, "not-plan-decider", "Not allowed to move this plan",
                    "Only " + who + " may " + action.name().toLowerCase() + " plan " + plan.id,
                    List.of(new Problem.FieldError("action", "not yours to take on this plan")));
        }
    }

    static void requireReason(PlanAction action, String reason) {
        if (action == PlanAction.RETURN && (reason == null || reason.isBlank())) {
            throw ProblemException.badRequest("reason-required", "reason", "a returned plan needs the reason");
        }
    }
}
