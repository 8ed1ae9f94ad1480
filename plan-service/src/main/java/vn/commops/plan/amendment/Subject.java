package vn.commops.plan.amendment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What in a plan a revision or an amendment concerns. */
@Schema(name = "PlanAuditSubject")
public enum Subject {
    PLAN, CAMPAIGN, ASSIGNMENT
}
