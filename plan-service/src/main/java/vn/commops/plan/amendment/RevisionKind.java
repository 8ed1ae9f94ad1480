package vn.commops.plan.amendment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kinds of entries in a decided plan's audit. */
@Schema(name = "PlanAuditKind", description = "APPROVED: the content as the plan's approval found it; CREATED, "
        + "CHANGED: added or changed at once after approval (wording, dates, people); AMENDMENT_PROPOSED: amounts "
        + "held for the decider; AMENDMENT_APPROVED: held amounts applied; AMENDMENT_RETURNED: held amounts dropped")
public enum RevisionKind {
    APPROVED, CREATED, CHANGED, AMENDMENT_PROPOSED, AMENDMENT_APPROVED, AMENDMENT_RETURNED
}
