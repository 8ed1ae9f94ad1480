package vn.commops.activity.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JPQL condition that keeps a read inside a reporter's granted subtrees. */
final class ActivityGrants {

    private ActivityGrants() {
    }

    /** Null when the reporter reads everything; otherwise a condition on {@code orgUnitCode}. */
    static String condition(Reporter reporter, boolean scopeStaffToGrants, Map<String, Object> parameters) {
        if (reporter.nationalAdmin()) {
            return null;
        }
        List<String> conditions = new ArrayList<>();
        if (reporter.isPartner()) {
            conditions.add(subtrees(reporter.tokenUnits(), "t", parameters));
            conditions.add(subtrees(reporter.registryUnits(), "r", parameters));
        } else if (scopeStaffToGrants && !reporter.tokenUnits().isEmpty()) {
            conditions.add(subtrees(reporter.tokenUnits(), "t", parameters));
        }
        return conditions.isEmpty() ? null : String.join(" and ", conditions);
    }

    private static String subtrees(Set<String> roots, String name, Map<String, Object> parameters) {
        if (roots.isEmpty()) {
            return "1 = 0";
        }
        List<String> likes = new ArrayList<>();
        int index = 0;
        for (String root : roots) {
            String parameter = name + "granted" + index++;
            likes.add("k.path like :" + parameter);
            parameters.put(parameter, "%/" + root + "/%");
        }
        return "orgUnitCode in (select k.code from KnownOrgUnit k where " + String.join(" or ", likes) + ")";
    }
}
