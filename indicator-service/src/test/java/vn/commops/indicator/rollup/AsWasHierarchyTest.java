package vn.commops.indicator.rollup;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.indicator.Fixtures;
import vn.commops.indicator.Fixtures.Activity;

/**
 * Reports "as the hierarchy was": each activity counts toward the unit and ancestors it had on its day, while
 * the default (current) keeps re-mapping moved and merged units' history into today's hierarchy.
 */
@QuarkusTest
class AsWasHierarchyTest {

    private static Double value(String indicator, String unit, String period, String hierarchy) {
        var request = as("viewer").queryParam("indicators", indicator).queryParam("orgUnit", unit)
                .queryParam("period", period);
        if (hierarchy != null) {
            request.queryParam("hierarchy", hierarchy);
        }
        Object value = request.when().get("/api/v1/indicators/values").then().statusCode(200)
                .extract().jsonPath().get("items[0].value");
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    /** An org-unit event effective from the given day (the fixture's are all from 2025-07-01). */
    private static String orgUnitEvent(String type, String code, String level, String path, String successor,
            String previousPath, String effectiveDate) {
        return Fixtures.orgUnitEvent(type, code, level, path, successor, previousPath)
                .replace("\"effectiveDate\":\"2025-07-01\"", "\"effectiveDate\":\"" + effectiveDate + "\"");
    }

    @Test
    void asWasKeepsAMergedUnitsPastWithItsFormerParentWhileCurrentMovesIt() {
        Fixtures.Tree from = Fixtures.tree();
        Fixtures.Tree into = Fixtures.tree();
        Activity before = new Activity(from.communeA(), from.pathA(), "SMALL_GROUP", "2024-05-13T08:00:00+07:00")
                .set("attendance", 10);
        before.publish(before.recorded());
        eventually(() -> assertEquals(10.0, value("PEOPLE_REACHED", from.province(), "2024", "as-was")));

        TopicProbe.send("org-units", from.communeA(), Fixtures.orgUnitEvent("org-unit.merged", from.communeA(),
                "COMMUNE", from.pathA(), into.communeA(), null));
        eventually(() -> assertEquals(10.0, value("PEOPLE_REACHED", into.province(), "2024", null)));

        assertEquals(0.0, value("PEOPLE_REACHED", from.province(), "2024", "current"));
        assertEquals(10.0, value("PEOPLE_REACHED", into.communeA(), "2024", "current"));
        assertEquals(10.0, value("PEOPLE_REACHED", from.province(), "2024", "as-was"));
        assertEquals(0.0, value("PEOPLE_REACHED", into.province(), "2024", "as-was"));
        assertEquals(0.0, value("PEOPLE_REACHED", into.communeA(), "2024", "as-was"));
        assertEquals(10.0, value("PEOPLE_REACHED", from.communeA(), "2024", "as-was"));

        // The scorecard and the activity totals take the same parameter.
        as("viewer").queryParam("orgUnit", from.province()).queryParam("period", "2024")
                .queryParam("indicators", "PEOPLE_REACHED").queryParam("hierarchy", "as-was")
                .when().get("/api/v1/evaluations/scorecard")
                .then().statusCode(200)
                .body("unit[0].value", equalTo(10.0f))
                .body("children.orgUnitCode", hasItem(from.communeA()));
        as("viewer").queryParam("orgUnit", from.province()).queryParam("period", "2024")
                .queryParam("indicators", "PEOPLE_REACHED")
                .when().get("/api/v1/evaluations/scorecard")
                .then().statusCode(200).body("unit[0].value", equalTo(0.0f));
        as("viewer").queryParam("orgUnit", from.province()).queryParam("period", "2024")
                .queryParam("hierarchy", "as-was").when().get("/api/v1/indicators/activity-totals")
                .then().statusCode(200).body("attendance", equalTo(10));
    }

    @Test
    void aLateReportCountsWhereItsUnitHungOnItsDayAndARecomputeKeepsIt() {
        Fixtures.Tree from = Fixtures.tree();
        Fixtures.Tree into = Fixtures.tree();
        String newPath = into.provincePath() + from.communeB() + "/";
        // Where the commune hung since 2020, then its move from 2025-07-01.
        TopicProbe.send("org-units", from.communeB(), orgUnitEvent("org-unit.updated", from.communeB(), "COMMUNE",
                from.pathB(), null, null, "2020-01-01"));
        TopicProbe.send("org-units", from.communeB(), orgUnitEvent("org-unit.moved", from.communeB(), "COMMUNE",
                newPath, null, from.pathB(), "2025-07-01"));
        await().atMost(Duration.ofSeconds(20)).until(() -> as("viewer").queryParam("orgUnit", into.province())
                .queryParam("period", "2025").queryParam("scope", "CHILDREN")
                .queryParam("indicators", "PEOPLE_REACHED").get("/api/v1/indicators/values")
                .jsonPath().getList("items.orgUnitCode").contains(from.communeB()));

        // Reported after the move, so with the new path, but held the week before it.
        Activity late = new Activity(from.communeB(), newPath, "DIALOGUE", "2025-06-24T08:00:00+07:00")
                .set("attendance", 7);
        Activity after = new Activity(from.communeB(), newPath, "DIALOGUE", "2025-07-08T08:00:00+07:00")
                .set("attendance", 3);
        late.publish(late.recorded());
        after.publish(after.recorded());
        eventually(() -> assertEquals(10.0, value("PEOPLE_REACHED", into.province(), "2025", "current")));

        assertEquals(0.0, value("PEOPLE_REACHED", from.province(), "2025", "current"));
        assertEquals(7.0, value("PEOPLE_REACHED", from.province(), "2025", "as-was"));
        assertEquals(3.0, value("PEOPLE_REACHED", into.province(), "2025", "as-was"));
        assertEquals(10.0, value("PEOPLE_REACHED", from.communeB(), "2025", "as-was"));

        asNationalAdmin().when().post("/api/v1/indicators/recompute").then().statusCode(200);
        assertEquals(7.0, value("PEOPLE_REACHED", from.province(), "2025", "as-was"));
        assertEquals(3.0, value("PEOPLE_REACHED", into.province(), "2025", "as-was"));
        assertEquals(10.0, value("PEOPLE_REACHED", into.province(), "2025", "current"));
    }

    @Test
    void anUnknownHierarchyIsRefusedNamingTheParameter() {
        as("viewer").queryParam("orgUnit", "VN").queryParam("period", "2024").queryParam("hierarchy", "then")
                .when().get("/api/v1/indicators/values")
                .then().statusCode(400).body("errors[0].field", equalTo("hierarchy"));
        as("viewer").queryParam("orgUnit", "VN").queryParam("period", "2024").queryParam("hierarchy", "sometime")
                .when().get("/api/v1/evaluations/scorecard")
                .then().statusCode(400).body("errors[0].field", equalTo("hierarchy"));
    }
}
