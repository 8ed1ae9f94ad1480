package vn.commops.plan.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanStatus")
public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED, ACTIVE, CLOSED
}
