package vn.commops.plan.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A plan and the plans above it, nearest first. What a plan leaves unset (objectives, indicators) it
 * inherits from the nearest of them that sets it, read live: a change to a parent shows in every child
 * that did not set its own.
 */
final class PlanLineage {

    /** The cascade is four types deep; more hops than this mean a loop in the data, not a deeper plan. */
    private static final int MAX_DEPTH = 16;

    private PlanLineage() {
    }

    /** The plan first, then its parent, its parent's parent, up to the master plan. */
    static List<Plan> of(Plan plan) {
        List<Plan> lineage = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Plan at = plan; at != null && seen.add(at.id) && lineage.size() < MAX_DEPTH;
                at = at.parentPlanId == null ? null : Plan.<Plan>findById(at.parentPlanId)) {
            lineage.add(at);
        }
        return lineage;
    }

    /** Whether {@code ancestorId} is a plan above this one. */
    static boolean isAbove(UUID ancestorId, Plan plan) {
        return of(plan).stream().skip(1).anyMatch(above -> above.id.equals(ancestorId));
    }

    static Plan objectivesFrom(List<Plan> lineage) {
        return lineage.stream().filter(plan -> plan.objectives != null).findFirst().orElse(null);
    }

    static Plan indicatorsFrom(List<Plan> lineage) {
        return lineage.stream().filter(plan -> plan.indicatorCodes != null).findFirst().orElse(null);
    }
}
