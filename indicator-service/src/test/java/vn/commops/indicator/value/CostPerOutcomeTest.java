package vn.commops.indicator.value;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.indicator.Fixtures;
import vn.commops.indicator.Fixtures.Activity;

/**
 * Cost per outcome leaves the activities that reported no cost out of both sides, and says how many: their
 * outcomes came at a cost nobody reported, and counting them at 0 understated what an outcome costs.
 */
@QuarkusTest
class CostPerOutcomeTest {

    private static JsonPath values(String unit, String... indicators) {
        return as("viewer").queryParam("indicators", String.join(",", indicators)).queryParam("orgUnit", unit)
                .queryParam("period", "202405").queryParam("sort", "indicator")
                .when().get("/api/v1/indicators/values").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** value, numerator, denominator and activities left out of one indicator's value. */
    private static List<Object> figures(String unit, String indicator) {
        JsonPath value = values(unit, indicator);
        return Arrays.asList(value.getDouble("items[0].value"), value.getDouble("items[0].numerator"),
                value.getDouble("items[0].denominator"), value.get("items[0].uncostedActivitiesLeftOut"));
    }

    @Test
    void activitiesWithoutAReportedCostAreLeftOutOfBothSidesAndCounted() {
        Fixtures.Tree tree = Fixtures.tree();
        Activity costed = new Activity(tree.communeA(), tree.pathA(), "CONFERENCE", "2024-05-13T08:00:00+07:00")
                .set("attendance", 40).set("newSocialInsurance", 2).set("newHealthInsurance", 8)
                .set("costVnd", 5_000_000).set("costReported", true);
        Activity uncosted = new Activity(tree.communeB(), tree.pathB(), "SMALL_GROUP", "2024-05-14T08:00:00+07:00")
                .set("attendance", 30).set("newSocialInsurance", 1).set("newHealthInsurance", 4)
                .set("costVnd", 0).set("costReported", false);
        Activity free = new Activity(tree.communeA(), tree.pathA(), "CONFERENCE", "2024-05-15T08:00:00+07:00")
                .set("attendance", 25).set("newHealthInsurance", 5).set("costVnd", 0).set("costReported", true);
        // Events from before costReported: a cost above 0 was reported, 0 was not.
        Activity olderCosted = new Activity(tree.communeB(), tree.pathB(), "CONFERENCE", "2024-05-16T08:00:00+07:00")
                .set("attendance", 20).set("newHealthInsurance", 5).set("costVnd", 2_000_000);
        Activity olderUncosted = new Activity(tree.communeB(), tree.pathB(), "CONFERENCE", "2024-05-17T08:00:00+07:00")
                .set("attendance", 20).set("newHealthInsurance", 10).set("costVnd", 0);
        for (Activity activity : List.of(costed, uncosted, free, olderCosted, olderUncosted)) {
            activity.publish(activity.recorded());
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertEquals(Arrays.asList(350_000.0, 7_000_000.0, 20.0, 2),
                        figures(tree.province(), "COST_PER_NEW_PARTICIPANT")));
        assertEquals(Arrays.asList(2.8571, 20.0, 7_000_000.0, 2),
                figures(tree.province(), "NEW_PARTICIPANTS_PER_MILLION_VND"));
        // Indicators that do not read the cost count every activity, and leave nothing out.
        assertEquals(Arrays.asList(32.0, 32.0, 1.0, null), figures(tree.province(), "NEW_HI_PARTICIPANTS"));
        // Per unit: commune B's only costed activity is the older one.
        assertEquals(Arrays.asList(400_000.0, 2_000_000.0, 5.0, 2),
                figures(tree.communeB(), "COST_PER_NEW_PARTICIPANT"));

        // A correction that reports the cost brings the activity into both sides.
        uncosted.set("costVnd", 1_000_000).set("costReported", true);
        uncosted.publish(uncosted.next("activity.corrected"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertEquals(Arrays.asList(320_000.0, 8_000_000.0, 25.0, 1),
                        figures(tree.province(), "COST_PER_NEW_PARTICIPANT")));
        // Verified only: nothing is verified, so nothing is left out either.
        JsonPath verifiedOnly = as("viewer").queryParam("indicators", "COST_PER_NEW_PARTICIPANT")
                .queryParam("orgUnit", tree.province()).queryParam("period", "202405").queryParam("verifiedOnly", true)
                .when().get("/api/v1/indicators/values").then().statusCode(200).extract().jsonPath();
        assertNull(verifiedOnly.get("items[0].value"));
        assertEquals(0, verifiedOnly.getInt("items[0].uncostedActivitiesLeftOut"));
    }
}
