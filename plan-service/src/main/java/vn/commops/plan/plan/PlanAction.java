package vn.commops.plan.plan;

import java.util.Set;

/** The workflow's moves: draft → submitted → approved | returned → active → closed; returned plans are resubmitted. */
public enum PlanAction {
    SUBMIT(Set.of(PlanStatus.DRAFT, PlanStatus.RETURNED), PlanStatus.SUBMITTED),
    APPROVE(Set.of(PlanStatus.SUBMITTED), PlanStatus.APPROVED),
    RETURN(Set.of(PlanStatus.SUBMITTED), PlanStatus.RETURNED),
    ACTIVATE(Set.of(PlanStatus.APPROVED), PlanStatus.ACTIVE),
    CLOSE(Set.of(PlanStatus.ACTIVE), PlanStatus.CLOSED),
    /** Not requested by clients: recorded when the owner unit was merged or closed into a successor. */
    TRANSFER(Set.of(PlanStatus.values()), null);

    private final Set<PlanStatus> from;
    private final PlanStatus to;

    PlanAction(Set<PlanStatus> from, PlanStatus to) {
        this.from = from;
        this.to = to;
    }

    boolean allowedFrom(PlanStatus status) {
        return from.contains(status);
    }

    PlanStatus target(PlanStatus current) {
        return to == null ? current : to;
    }
}
