package vn.commops.indicator.target;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.indicator.target.TargetsTest.target;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.indicator.Fixtures;

/** Cascades down any number of levels and over a period's parts, by each rule, adding up exactly. */
@QuarkusTest
class TargetCascadeTest {

    private Fixtures.Tree tree;
    private String villageA1;
    private String villageA2;

    @BeforeEach
    void units() {
        tree = Fixtures.tree();
        villageA1 = Fixtures.unique("V1");
        villageA2 = Fixtures.unique("V2");
        Fixtures.unit(villageA1, "VILLAGE", tree.pathA() + villageA1 + "/");
        Fixtures.unit(villageA2, "VILLAGE", tree.pathA() + villageA2 + "/");
    }

    private String provinceTarget(String period, Object value, String from) {
        return asNationalAdmin().contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.province(), period, value, from))
                .when().post("/api/v1/targets").then().statusCode(201).extract().path("id");
    }

    private static JsonPath cascade(String id, Map<String, Object> request, int status) {
        return asNationalAdmin().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/targets/" + id + "/cascade").then().statusCode(status).extract().jsonPath();
    }

    private static Map<String, Object> share(String unit, String period, Object value) {
        Map<String, Object> share = new HashMap<>();
        share.put("orgUnitCode", unit);
        share.put("period", period);
        share.put("value", value);
        return share;
    }

    private static Map<String, Object> valueOf(JsonPath made, String unit, String period) {
        List<Map<String, Object>> all = made.getList("$");
        return all.stream().filter(t -> t.get("orgUnitCode").equals(unit) && t.get("period").equals(period))
                .findFirst().orElseThrow(() -> new AssertionError("no target of " + unit + " in " + period));
    }

    @Test
    void anEvenCascadeGoesDownTwoLevelsAndEachFamilyAddsUpExactly() {
        String id = provinceTarget("2024", 1001, "2024-01-01");
        JsonPath made = cascade(id, Map.of("rule", "EVEN", "levels", 2), 201);
        assertEquals(4, made.getList("$").size());
        Map<String, Object> a = valueOf(made, tree.communeA(), "2024");
        assertEquals(501, a.get("value"));
        assertEquals(id, a.get("parentTargetId"));
        assertEquals(500, valueOf(made, tree.communeB(), "2024").get("value"));
        Map<String, Object> v1 = valueOf(made, villageA1, "2024");
        assertEquals(a.get("id"), v1.get("parentTargetId"));
        assertEquals(501, (Integer) v1.get("value")
                + (Integer) valueOf(made, villageA2, "2024").get("value"));
    }

    @Test
    void aYearSplitsIntoQuartersAndEachQuarterGoesDown() {
        String id = provinceTarget("2024", 1001, "2024-01-01");
        JsonPath made = cascade(id, Map.of("rule", "EVEN", "splitPeriodInto", "QUARTER"), 201);
        // 4 quarters of the province, then the year and each quarter to the two communes.
        assertEquals(4 + 5 * 2, made.getList("$").size());
        assertEquals(251, valueOf(made, tree.province(), "2024Q1").get("value"));
        assertEquals(250, valueOf(made, tree.province(), "2024Q4").get("value"));
        assertEquals(126, valueOf(made, tree.communeA(), "2024Q1").get("value"));
        assertEquals(125, valueOf(made, tree.communeB(), "2024Q1").get("value"));
        assertEquals(id, valueOf(made, tree.province(), "2024Q3").get("parentTargetId"));

        String quarter = provinceTarget("2025Q2", 100, "2025-04-01");
        JsonPath months = cascade(quarter, Map.of("rule", "EVEN", "splitPeriodInto", "MONTH", "levels", 1), 201);
        assertEquals(34, valueOf(months, tree.province(), "202504").get("value"));
        assertEquals(33, valueOf(months, tree.province(), "202506").get("value"));
        String month = provinceTarget("202601", 10, "2026-01-01");
        assertEquals("splitPeriodInto", cascade(month, Map.of("rule", "EVEN", "splitPeriodInto", "QUARTER"), 422)
                .getString("errors[0].field"));
    }

    @Test
    void lastYearsActualsShareTheTargetOutAndNoActualsRefuse() {
        for (int i = 0; i < 3; i++) {
            Fixtures.Activity activity = new Fixtures.Activity(tree.communeA(), tree.pathA(), "CONFERENCE",
                    "2023-05-1" + i + "T08:00:00+07:00");
            activity.publish(activity.recorded());
        }
        Fixtures.Activity activity = new Fixtures.Activity(tree.communeB(), tree.pathB(), "CONFERENCE",
                "2023-05-20T08:00:00+07:00");
        activity.publish(activity.recorded());
        await().atMost(Duration.ofSeconds(30)).until(() -> Float.valueOf(4f).equals(as("viewer")
                .queryParam("indicators", "ACTIVITIES_HELD").queryParam("orgUnit", tree.province())
                .queryParam("period", "202305").when().get("/api/v1/indicators/values")
                .then().extract().path("items[0].value")));

        String id = provinceTarget("202405", 101, "2024-05-01");
        JsonPath made = cascade(id, Map.of("rule", "LAST_YEAR"), 201);
        assertEquals(76, valueOf(made, tree.communeA(), "202405").get("value"));
        assertEquals(25, valueOf(made, tree.communeB(), "202405").get("value"));

        String july = provinceTarget("202407", 50, "2024-07-01");
        JsonPath refused = cascade(july, Map.of("rule", "LAST_YEAR"), 422);
        assertEquals("rule", refused.getString("errors[0].field"));
        assertTrue(refused.getString("errors[0].message").contains("no actual values"));
    }

    @Test
    void aThreeLevelCascadeByHandIsRefusedWhenAGrandchildExceedsItsParent() {
        String id = provinceTarget("202405", 100, "2024-05-01");
        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(share(tree.communeA(), null, 60), share(villageA1, null, 40),
                        share(villageA2, null, 30))))
                .when().post("/api/v1/targets/" + id + "/cascade")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:target-exceeds-parent"))
                .body("errors[0].field", equalTo("children[2].value"))
                .body("errors[0].message", containsString("add up to 70 from 2024-05-01, over "
                        + tree.communeA() + "'s target of 60 by 10"));
        as("viewer").queryParam("orgUnit", tree.communeA()).when().get("/api/v1/targets")
                .then().body("totalItems", equalTo(0));

        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(share(tree.communeA(), null, 60), share(villageA1, null, 40),
                        share(villageA2, null, 20), share(tree.province(), "2024W20", 5))))
                .when().post("/api/v1/targets/" + id + "/cascade")
                .then().statusCode(422).body("errors[0].field", equalTo("children[3].period"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(share(tree.communeA(), null, 60), share(villageA1, null, 40),
                        share(villageA2, null, 20))))
                .when().post("/api/v1/targets/" + id + "/cascade")
                .then().statusCode(201)
                .body("orgUnitCode", contains(tree.communeA(), villageA1, villageA2))
                .body("$", hasSize(3));
    }

    @Test
    void aManagerCascadesOnlyToUnitsWhoseParentTheyManage() {
        String id = provinceTarget("202405", 100, "2024-05-01");
        as("unit-manager", tree.province()).contentType(ContentType.JSON)
                .body(Map.of("children", List.of(share(tree.province(), null, 5))))
                .when().post("/api/v1/targets/" + id + "/cascade")
                .then().statusCode(422).body("type", equalTo("urn:commops:problem:cascade-onto-itself"));
        // The province's own quarters are the province's targets: its parent's managers set them, not its own.
        String year = provinceTarget("2024", 120, "2024-01-01");
        as("unit-manager", tree.province()).contentType(ContentType.JSON)
                .body(Map.of("rule", "EVEN", "splitPeriodInto", "QUARTER"))
                .when().post("/api/v1/targets/" + year + "/cascade")
                .then().statusCode(403).body("errors[0].field", equalTo("splitPeriodInto"));
        as("unit-manager", tree.province()).contentType(ContentType.JSON)
                .body(Map.of("rule", "EVEN", "levels", 2))
                .when().post("/api/v1/targets/" + year + "/cascade")
                .then().statusCode(201).body("$", hasSize(4));
    }
}
