package vn.commops.activity.subscription;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * What one active subscription receives: its types, within its own org-unit filter and, for a partner, within
 * the units the partner registry grants it now (not when it subscribed), so a narrowed grant narrows its
 * webhooks at once. An event that names no org unit goes to integrators only.
 *
 * @param partnerUnits the partner's granted subtree roots; null for an integrator, who sees every unit
 * @param filterUnits  the subscription's own subtree roots; empty for no filter
 */
record SubscriptionScope(UUID subscriptionId, Set<String> eventTypes, Set<String> filterUnits,
        Set<String> partnerUnits) {

    boolean matches(String type, String orgUnitPath) {
        if (!eventTypes.contains(type)) {
            return false;
        }
        if (partnerUnits != null && !within(orgUnitPath, partnerUnits)) {
            return false;
        }
        return filterUnits.isEmpty() || within(orgUnitPath, filterUnits);
    }

    /** Whether the unit at this path ({@code /VN/LC/LC-HOPHAI/}) lies in one of the subtrees. */
    static boolean within(String orgUnitPath, Set<String> roots) {
        if (orgUnitPath == null || roots.isEmpty()) {
            return false;
        }
        return Arrays.stream(orgUnitPath.split("/")).anyMatch(roots::contains);
    }
}
