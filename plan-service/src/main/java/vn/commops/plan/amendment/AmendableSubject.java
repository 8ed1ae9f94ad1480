package vn.commops.plan.amendment;

import java.util.Map;
import java.util.UUID;

/**
 * Campaigns and assignments, as the audit of a decided plan sees them: their content as a snapshot, and
 * how an approved amendment of their amounts is applied. Each feature implements it for its own entity.
 */
public interface AmendableSubject {

    Subject subject();

    /** The content of each of the plan's campaigns (or assignments), by id: what its approval found. */
    Map<UUID, Map<String, Object>> contentOf(UUID planId);

    /**
     * Sets the held fields to {@code heldAfter} and publishes the subject's change, after checking (with the
     * subject locked) that they still hold {@code heldBefore}: else 409 {@code amendment-stale}.
     */
    Applied apply(Amendment amendment, Map<String, Object> heldBefore, Map<String, Object> heldAfter, String actor);

    /** The subject's whole content before and after an approved amendment was applied. */
    record Applied(Map<String, Object> before, Map<String, Object> after) {
    }
}
