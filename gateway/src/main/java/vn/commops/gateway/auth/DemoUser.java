package vn.commops.gateway.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The development issuer's users, one per role, granted units of the demo hierarchy
 * ({@code deploy/local/demo.sh}: VN → LC → LC-HOPHAI), and a second manager of the province: four eyes
 * needs another person to verify what the first reported.
 */
record DemoUser(String username, List<String> roles, List<String> orgUnits, String partnerId) {

    private static final Map<String, DemoUser> USERS = Map.of(
            "lc-reviewer", new DemoUser("lc-reviewer", List.of("unit-manager"), List.of("LC"), null),
            "national-admin", new DemoUser("national-admin", List.of("national-admin"), List.of(), null),
            "lc-manager", new DemoUser("lc-manager", List.of("unit-manager"), List.of("LC"), null),
            "lc-officer", new DemoUser("lc-officer", List.of("unit-officer"), List.of("LC-HOPHAI"), null),
            "crisis-analyst", new DemoUser("crisis-analyst", List.of("crisis-analyst"), List.of(), null),
            "viewer", new DemoUser("viewer", List.of("viewer"), List.of(), null),
            "dpo", new DemoUser("dpo", List.of("data-protection-officer"), List.of(), null),
            "post-office", new DemoUser("post-office", List.of("partner"), List.of("LC"), "post-office"));

    static Optional<DemoUser> named(String username) {
        return Optional.ofNullable(USERS.get(username));
    }

    static List<String> usernames() {
        return USERS.keySet().stream().sorted().toList();
    }

    DemoUser grantedInstead(List<String> units) {
        return units == null || units.isEmpty() ? this : new DemoUser(username, roles, List.copyOf(units), partnerId);
    }
}
