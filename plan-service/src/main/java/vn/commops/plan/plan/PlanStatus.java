package vn.commops.plan.plan;

@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PlanStatus")
public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED, ACTIVE, CLOSED
}
