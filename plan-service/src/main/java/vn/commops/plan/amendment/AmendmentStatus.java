package vn.commops.plan.amendment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A held change waits (PENDING) until the plan's decider approves it (applied) or returns it (dropped). */
@Schema(name = "PlanAmendmentStatus")
public enum AmendmentStatus {
    PENDING, APPROVED, RETURNED
}
