package vn.commops.indicator.value;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.indicator.Fixtures;
import vn.commops.indicator.Fixtures.Activity;

/**
 * Breakdowns carried by activity events roll up like the totals: "students reached" and "women among new
 * voluntary participants" read them for any unit and period, corrections and withdrawals replace what was
 * counted, and a recompute rebuilds them from the activities' states.
 */
@QuarkusTest
class BreakdownValuesTest {

    private static String indicator(String stem, String numerator, String denominator, int factor) {
        String code = Fixtures.unique(stem).replace('-', '_');
        asNationalAdmin().contentType(ContentType.JSON).body(definition(code, numerator, denominator, factor))
                .when().post("/api/v1/indicators").then().statusCode(201);
        return code;
    }

    private static Map<String, Object> definition(String code, String numerator, String denominator, int factor) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Học sinh, sinh viên được tiếp cận");
        body.put("unit", factor == 1 ? "người" : "%");
        body.put("numerator", numerator);
        body.put("denominator", denominator);
        body.put("factor", factor);
        body.put("aggregationType", factor == 1 ? "SUM" : "AVERAGE");
        body.put("periodType", "MONTH");
        return body;
    }

    private static Double value(String unit, String indicator, String hierarchy) {
        JsonPath values = as("viewer").queryParam("indicators", indicator).queryParam("orgUnit", unit)
                .queryParam("period", "202405").queryParam("hierarchy", hierarchy)
                .when().get("/api/v1/indicators/values").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        return values.getDouble("items[0].value");
    }

    @Test
    void studentsReachedForAProvinceReadsTheSumAndCorrectionsReplaceIt() {
        String students = indicator("STUDENTS_REACHED", "ATTENDANCE{group:STUDENTS}", null, 1);
        String women = indicator("WOMEN_NEW_VOLUNTARY", "NEW_SOCIAL_INSURANCE{sex:FEMALE}", "NEW_SOCIAL_INSURANCE", 100);
        String boothStudents = indicator("BOOTH_STUDENTS", "ATTENDANCE[ADVISORY_BOOTH]{group:STUDENTS}", null, 1);
        Fixtures.Tree tree = Fixtures.tree();
        Activity booth = new Activity(tree.communeA(), tree.pathA(), "ADVISORY_BOOTH", "2024-05-15T08:00:00+07:00")
                .set("attendance", 68).set("newSocialInsurance", 4)
                .breakdown("attendance", "group", "STUDENTS", 40).breakdown("attendance", "group", "EMPLOYEES", 20)
                .breakdown("newSocialInsurance", "sex", "FEMALE", 3).breakdown("newSocialInsurance", "sex", "MALE", 1);
        Activity session = new Activity(tree.communeB(), tree.pathB(), "SMALL_GROUP", "2024-05-03T08:00:00+07:00")
                .set("attendance", 30).set("newSocialInsurance", 4)
                .breakdown("attendance", "group", "STUDENTS", 10).breakdown("newSocialInsurance", "sex", "FEMALE", 1)
                .breakdown("newSocialInsurance", "sex", "MALE", 3);
        Activity later = new Activity(tree.communeB(), tree.pathB(), "SMALL_GROUP", "2024-05-31T08:00:00+07:00")
                .set("attendance", 9).breakdown("attendance", "group", "STUDENTS", 5);
        // No breakdown at all: counts in the totals, in no category.
        Activity plain = new Activity(tree.communeB(), tree.pathB(), "SMALL_GROUP", "2024-05-20T08:00:00+07:00")
                .set("attendance", 50);
        for (Activity activity : new Activity[] {booth, session, later, plain}) {
            activity.publish(activity.recorded());
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertEquals(55.0, value(tree.province(), students, "current")));
        assertEquals(50.0, value(tree.province(), women, "current"));
        assertEquals(40.0, value(tree.province(), boothStudents, "current"));
        assertEquals(15.0, value(tree.communeB(), students, "current"));
        assertEquals(55.0, value(tree.province(), students, "as-was"));

        booth.breakdown("attendance", "group", "STUDENTS", 25);
        booth.publish(booth.next("activity.corrected"));
        later.set("withdrawn", true);
        later.publish(later.next("activity.withdrawn"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertEquals(35.0, value(tree.province(), students, "current")));
        assertEquals(35.0, value(tree.province(), students, "as-was"));

        asNationalAdmin().when().post("/api/v1/indicators/recompute").then().statusCode(200);
        assertEquals(35.0, value(tree.province(), students, "current"));
        assertEquals(50.0, value(tree.province(), women, "current"));
    }

    @Test
    void aMovedUnitTakesItsBreakdownsToItsNewParent() {
        String students = indicator("STUDENTS_MOVED", "ATTENDANCE{group:STUDENTS}", null, 1);
        Fixtures.Tree from = Fixtures.tree();
        Fixtures.Tree into = Fixtures.tree();
        Activity session = new Activity(from.communeB(), from.pathB(), "SMALL_GROUP", "2024-05-07T08:00:00+07:00")
                .set("attendance", 30).breakdown("attendance", "group", "STUDENTS", 12);
        session.publish(session.recorded());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertEquals(12.0, value(from.province(), students, "current")));

        TopicProbe.send("org-units", from.communeB(), Fixtures.orgUnitEvent("org-unit.moved", from.communeB(),
                "COMMUNE", into.provincePath() + from.communeB() + "/", null, from.pathB()));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertEquals(12.0, value(into.province(), students, "current")));
        assertEquals(0.0, value(from.province(), students, "current"));
        assertEquals(12.0, value(from.communeB(), students, "current"));
    }

    @Test
    void aFormulaNamingACategoryThatDoesNotExistIsRefusedWhenSaved() {
        for (String[] wrong : new String[][] {{"ATTENDANCE{sex:WOMEN}", "unknown sex category 'WOMEN'"},
                {"ATTENDANCE{group:NOBODY}", "unknown group category 'NOBODY'"},
                {"REACH{sex:FEMALE}", "'REACH' is not split"},
                {"ATTENDANCE{income:LOW}", "unknown breakdown dimension 'income'"}}) {
            asNationalAdmin().contentType(ContentType.JSON)
                    .body(definition(Fixtures.unique("WRONG").replace('-', '_'), wrong[0], null, 1))
                    .when().post("/api/v1/indicators").then().statusCode(400)
                    .body("type", equalTo("urn:commops:problem:invalid-formula"))
                    .body("errors[0].field", equalTo("numerator"))
                    .body("errors[0].message", startsWith("at position 1: " + wrong[1]));
        }
    }
}
