package vn.commops.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Instance;

class RouteTableTest {

    private static Downstream service(String name, String... prefixes) {
        return new Downstream(name, List.of(new Instance(name, "127.0.0.1", 8081, false, "")), List.of(prefixes),
                "/q/openapi", "/q/health/ready");
    }

    private final RouteTable table = RouteTable.of(List.of(
            service("plan", "/api/v1/plans", "/api/v1/org-units"),
            service("activity", "/api/v1/activities", "/api/v1/plans/imports")));

    private String owner(String path) {
        return table.find(path).map(route -> route.downstream().name()).orElse("none");
    }

    @Test
    void aPrefixOwnsItselfAndWhatIsBelowIt() {
        assertEquals("plan", owner("/api/v1/plans"));
        assertEquals("plan", owner("/api/v1/plans/7/approve"));
        assertEquals("activity", owner("/api/v1/activities/x"));
    }

    @Test
    void aPrefixDoesNotOwnANameThatMerelyStartsLikeIt() {
        assertEquals("none", owner("/api/v1/plansx"));
        assertEquals("none", owner("/api/v1"));
    }

    @Test
    void theLongestPrefixWins() {
        assertEquals("activity", owner("/api/v1/plans/imports/42"));
        assertEquals("plan", owner("/api/v1/plans/important"));
    }

    @Test
    void aDocumentedPathIsRoutedOnlyToItsOwner() {
        Downstream plan = table.find("/api/v1/plans").orElseThrow().downstream();

        assertTrue(table.routesTo("/api/v1/plans/{id}", plan));
        assertTrue(!table.routesTo("/api/v1/activities/{id}", plan));
    }

    @Test
    void twoServicesCannotClaimOnePrefix() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> RouteTable.of(List.of(
                service("plan", "/api/v1/plans"), service("activity", "/api/v1/plans"))));

        assertTrue(failure.getMessage().contains("/api/v1/plans"), failure.getMessage());
    }

    @Test
    void aPrefixMustLieUnderApiWithoutATrailingSlash() {
        assertThrows(IllegalStateException.class, () -> RouteTable.of(List.of(service("plan", "/q/health"))));
        assertThrows(IllegalStateException.class, () -> RouteTable.of(List.of(service("plan", "/api/v1/plans/"))));
    }
}
