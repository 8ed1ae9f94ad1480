package vn.commops.plan.plan;

/** The plan families of Decision 1676: a master plan, annual and periodic plans, and campaign plans under them. */
public enum PlanType {
    MASTER, ANNUAL, PERIODIC, CAMPAIGN
}
