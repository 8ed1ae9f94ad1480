package vn.commops.plan.plan;

/**
 * What happens to a decided plan, for the features that keep its audit: fired synchronously, inside the
 * transaction that made the change, so the audit is written with it or not at all.
 */
public final class PlanDecisions {

    private PlanDecisions() {
    }

    /** The plan was approved: what it holds now is what was approved. */
    public record Approved(Plan plan, String actor) {
    }

    /** An approved or active plan's wording or indicators changed (revision {@code after.revision}). */
    public record WordingChanged(Plan plan, PlanRevision before, PlanRevision after, String actor) {
    }
}
