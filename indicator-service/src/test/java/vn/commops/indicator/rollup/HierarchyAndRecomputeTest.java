package vn.commops.indicator.rollup;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.indicator.Fixtures;
import vn.commops.indicator.Fixtures.Activity;

@QuarkusTest
class HierarchyAndRecomputeTest {

    @Inject
    EntityManager entityManager;

    private static Double value(String indicator, String unit, String period) {
        Object value = as("viewer").queryParam("indicators", indicator).queryParam("orgUnit", unit)
                .queryParam("period", period).when().get("/api/v1/indicators/values").then().statusCode(200)
                .extract().jsonPath().get("items[0].value");
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    @Test
    void aMergedUnitsHistoryCountsTowardItsSuccessorAndItsAncestors() {
        Fixtures.Tree from = Fixtures.tree();
        Fixtures.Tree into = Fixtures.tree();
        Activity before = new Activity(from.communeA(), from.pathA(), "SMALL_GROUP", "2024-05-13T08:00:00+07:00")
                .set("attendance", 10);
        before.publish(before.recorded());
        eventually(() -> assertEquals(10.0, value("PEOPLE_REACHED", from.province(), "2024")));

        String merged = Fixtures.orgUnitEvent("org-unit.merged", from.communeA(), "COMMUNE", from.pathA(),
                into.communeA(), null);
        TopicProbe.send("org-units", from.communeA(), merged);
        eventually(() -> assertEquals(10.0, value("PEOPLE_REACHED", into.communeA(), "2024")));
        assertEquals(10.0, value("PEOPLE_REACHED", into.province(), "2024"));
        assertEquals(0.0, value("PEOPLE_REACHED", from.province(), "2024"));
        assertEquals(10.0, value("PEOPLE_REACHED", from.communeA(), "2024"));

        // The same event again, and another event with the same state, find the unit in place.
        TopicProbe.send("org-units", from.communeA(), merged, Fixtures.orgUnitEvent("org-unit.merged",
                from.communeA(), "COMMUNE", from.pathA(), into.communeA(), null));
        // A late report of the merged unit, still with its old path, counts toward the successor too.
        Activity late = new Activity(from.communeA(), from.pathA(), "SMALL_GROUP", "2024-05-20T08:00:00+07:00")
                .set("attendance", 5);
        late.publish(late.recorded());
        eventually(() -> assertEquals(15.0, value("PEOPLE_REACHED", into.province(), "2024")));
        assertEquals(15.0, value("PEOPLE_REACHED", into.communeA(), "2024"));
        assertEquals(0.0, value("PEOPLE_REACHED", from.province(), "2024"));
    }

    @Test
    void aMovedUnitTakesItsHistoryToItsNewParent() {
        Fixtures.Tree from = Fixtures.tree();
        Fixtures.Tree into = Fixtures.tree();
        Activity activity = new Activity(from.communeB(), from.pathB(), "DIALOGUE", "2024-03-01T08:00:00+07:00")
                .set("attendance", 21);
        activity.publish(activity.recorded());
        eventually(() -> assertEquals(21.0, value("PEOPLE_REACHED", from.province(), "2024")));

        String newPath = into.provincePath() + from.communeB() + "/";
        TopicProbe.send("org-units", from.communeB(), Fixtures.orgUnitEvent("org-unit.moved", from.communeB(),
                "COMMUNE", newPath, null, from.pathB()));
        eventually(() -> assertEquals(21.0, value("PEOPLE_REACHED", into.province(), "2024")));
        assertEquals(0.0, value("PEOPLE_REACHED", from.province(), "2024"));
        assertEquals(21.0, value("PEOPLE_REACHED", from.communeB(), "2024"));
    }

    @Test
    void aFullRecomputeEqualsTheLiveValues() {
        Fixtures.Tree tree = Fixtures.tree();
        Activity kept = new Activity(tree.communeA(), tree.pathA(), "CONFERENCE", "2024-05-13T08:00:00+07:00")
                .set("attendance", 40).set("costVnd", 1_500_000);
        Activity corrected = new Activity(tree.communeB(), tree.pathB(), "LIVESTREAM", "2024-05-14T20:00:00+07:00")
                .set("plays", 100);
        Activity withdrawn = new Activity(tree.communeB(), tree.pathB(), "BANNER", "2024-05-15T08:00:00+07:00");
        kept.publish(kept.recorded());
        corrected.publish(corrected.recorded());
        corrected.set("plays", 18_600).set("verificationStatus", "VERIFIED");
        corrected.publish(corrected.next("activity.verified"));
        withdrawn.publish(withdrawn.recorded());
        withdrawn.set("withdrawn", true);
        withdrawn.publish(withdrawn.next("activity.withdrawn"));
        eventually(() -> assertEquals(2.0, value("ACTIVITIES_HELD", tree.province(), "202405")));
        eventually(() -> assertEquals(18_600.0, value("LIVESTREAM_PLAYS", tree.province(), "202405")));

        List<String> live = nonZeroTotals("unit_day_total", "day");
        List<String> liveMonths = nonZeroTotals("unit_month_total", "month");
        assertFalse(live.isEmpty());
        assertFalse(liveMonths.isEmpty());
        asNationalAdmin().when().post("/api/v1/indicators/recompute").then().statusCode(200)
                .body("totalRows", greaterThan(0));
        assertEquals(live, nonZeroTotals("unit_day_total", "day"));
        assertEquals(liveMonths, nonZeroTotals("unit_month_total", "month"));
        assertEquals(18_600.0, value("LIVESTREAM_PLAYS", tree.province(), "202405"));

        as("unit-manager", "VN").when().post("/api/v1/indicators/recompute").then().statusCode(403);
        RestAssured.given().when().post("/api/v1/indicators/recompute").then().statusCode(401);
    }

    /** Every day or month total that is not all zeros, as text, in a stable order. */
    private List<String> nonZeroTotals(String table, String time) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select concat_ws('|', org_unit_code, " + time + ", form, campaign_id, verified, costed, activities, quantity, "
                        + "attendance, reach, plays, interactions, new_social_insurance, new_health_insurance, "
                        + "app_installs, non_cash_conversions, books_and_cards_donated, cost_vnd) from " + table + " "
                        + "where activities <> 0 or quantity <> 0 or attendance <> 0 or reach <> 0 or plays <> 0 "
                        + "or interactions <> 0 or new_social_insurance <> 0 or new_health_insurance <> 0 "
                        + "or app_installs <> 0 or non_cash_conversions <> 0 or books_and_cards_donated <> 0 "
                        + "or cost_vnd <> 0 order by 1").getResultList());
        return rows.stream().map(Object::toString).collect(Collectors.toList());
    }
}
