package vn.commops.plan.plan;

public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED, ACTIVE, CLOSED
}
