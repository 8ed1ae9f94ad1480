package vn.commops.plan.plan;

import java.util.EnumSet;
import java.util.Set;

/**
 * The plan families of Decision 1676, in cascade order: the master plan, annual and periodic plans under
 * it, and campaign plans under those. Every plan but the master one derives from a plan of the type
 * directly above; a campaign plan may also derive straight from an annual plan, as the May action month
 * does from the sector's annual plan (seed 002's dispatch under seed 003's Plan 4518 for 2024) without a
 * periodic plan between them.
 */
public enum PlanType {
    MASTER, ANNUAL, PERIODIC, CAMPAIGN;

    /** The types a plan of this type may derive from; none for the master plan. */
    public Set<PlanType> parentTypes() {
        return switch (this) {
            case MASTER -> EnumSet.noneOf(PlanType.class);
            case ANNUAL -> EnumSet.of(MASTER);
            case PERIODIC -> EnumSet.of(ANNUAL);
            case CAMPAIGN -> EnumSet.of(PERIODIC, ANNUAL);
        };
    }
}
