package vn.commops.e2e;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, parts 6 and 7 through the gateway: a May plan cloned to June along the calendar, its merged
 * commune's work handed to the successor and its targets copied; and targets that add up down three levels.
 */
class CalendarCloneAndTargetsIT {

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    private static JsonPath post(RequestSpecification as, String path, Object body, int status) {
        return as.contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(status).extract()
                .jsonPath();
    }

    private static Map<String, Object> target(String unit, String period, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("indicatorCode", "ACTIVITIES_HELD");
        body.put("orgUnitCode", unit);
        body.put("period", period);
        body.put("value", value);
        body.put("effectiveFrom", "2024-05-01");
        return body;
    }

    private static Map<String, Object> share(String unit, Object value) {
        return Map.of("orgUnitCode", unit, "value", value);
    }

    private static void awaitIndicatorServiceKnows(String unit) {
        Gateway.awaitKnown(() -> admin().queryParam("orgUnit", unit).queryParam("period", "2024")
                .when().get("/api/v1/indicators/activity-totals").statusCode());
    }

    @Test
    void aMayPlanClonedToJuneEndsOnTheLastOfJuneWithItsMergedCommuneMappedAndItsTargetsCopied() {
        // Units that existed in May 2024, so that a merger may be dated 1 June 2024.
        String suffix = Gateway.uniqueSuffix();
        String[] units = {"VN" + suffix, "CL" + suffix};
        String province = units[1];
        String kept = province + "-K";
        String merged = province + "-M";
        unitSince2024(units[0], "Bảo hiểm xã hội Việt Nam", "NATIONAL", null);
        unitSince2024(province, "Tỉnh Lào Cai", "PROVINCE", units[0]);
        unitSince2024(kept, "Xã Hồ Phai", "COMMUNE", province);
        unitSince2024(merged, "Xã Sa Pả", "COMMUNE", province);

        String plan = post(admin(), "/api/v1/plans", Map.of("type", "CAMPAIGN", "title", "Tháng vận động 5/2024",
                "ownerUnitCode", province, "periodStart", "2024-05-01", "periodEnd", "2024-05-31",
                "parentPlanId", Plans.approvedYear(units[0], 2024)), 201).getString("id");
        String campaign = post(admin(), "/api/v1/campaigns", Map.of("planId", plan, "theme", "An sinh cho mọi nhà",
                "startDate", "2024-05-01", "endDate", "2024-05-31",
                "forms", List.of(Map.of("kind", "BANNER", "windowStart", "2024-05-06", "windowEnd", "2024-05-31")),
                "budgetLines", List.of(Map.of("item", "Tuyên truyền nhóm nhỏ", "amountVnd", 10_000_000))),
                201).getString("id");
        Map<String, Object> task = new HashMap<>(Map.of("planId", plan, "campaignId", campaign, "orgUnitCode", province,
                "form", "SMALL_GROUP", "quantity", 10, "budgetVnd", 10_000_000, "startDate", "2024-05-06",
                "dueDate", "2024-05-31"));
        String provinceTask = post(admin(), "/api/v1/assignments", task, 201).getString("id");
        List<String> shares = post(admin(), "/api/v1/assignments/" + provinceTask + "/split", Map.of("children",
                List.of(Map.of("orgUnitCode", kept, "quantity", 6), Map.of("orgUnitCode", merged, "quantity", 4))),
                201).getList("id");
        // May's shares are done; Sa Pả merges into Hồ Phai from 1 June.
        for (String id : shares) {
            String etag = admin().when().get("/api/v1/assignments/" + id).then().statusCode(200).extract().header("ETag");
            admin().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("status", "CLOSED"))
                    .when().patch("/api/v1/assignments/" + id).then().statusCode(200);
        }
        post(admin(), "/api/v1/org-units/merges", Map.of("mergedCodes", List.of(merged), "successorCode", kept,
                "effectiveDate", "2024-06-01"), 200);

        // May's targets, set by the managers of each unit's parent.
        awaitIndicatorServiceKnows(kept);
        post(as("lc-manager", units[0]), "/api/v1/targets", target(province, "202405", 100), 201);
        post(as("lc-manager", province), "/api/v1/targets", target(kept, "202405", 40), 201);

        JsonPath clone = admin().contentType(ContentType.JSON)
                .body(Map.of("shiftMonths", 1, "title", "Tháng vận động 6/2024", "includeTargets", true))
                .when().post("/api/v1/plans/" + plan + "/clone")
                .then().statusCode(201)
                .body("plan.periodStart", equalTo("2024-06-01"))
                .body("plan.periodEnd", equalTo("2024-06-30"))
                .body("plan.status", equalTo("DRAFT"))
                .body("assignments", equalTo(3))
                .body("mappedUnits", hasSize(1))
                .body("mappedUnits[0].from", equalTo(merged))
                .body("mappedUnits[0].to", equalTo(kept))
                .body("droppedAssignments", hasSize(0))
                .extract().jsonPath();
        String copy = clone.getString("plan.id");
        admin().queryParam("planId", copy).when().get("/api/v1/campaigns").then().statusCode(200)
                .body("items[0].startDate", equalTo("2024-06-01"))
                .body("items[0].endDate", equalTo("2024-06-30"))
                .body("items[0].forms[0].windowStart", equalTo("2024-06-06"))
                .body("items[0].forms[0].windowEnd", equalTo("2024-06-30"));
        String copiedTask = admin().queryParam("planId", copy).queryParam("orgUnit", province)
                .when().get("/api/v1/assignments").then().statusCode(200)
                .body("items[0].dueDate", equalTo("2024-06-30")).extract().path("items[0].id");
        admin().queryParam("parentAssignmentId", copiedTask).when().get("/api/v1/assignments").then()
                .body("items.orgUnitCode", containsInAnyOrder(kept, kept))
                .body("items.quantity", containsInAnyOrder(6, 4));

        // The clone names the call that copies the targets; made through the gateway, June gets May's targets.
        assertEquals("/api/v1/targets/copy", clone.getString("targets.href"));
        admin().contentType(ContentType.JSON).body(Map.of("fromPeriod", clone.getString("targets.fromPeriod"),
                        "toPeriod", clone.getString("targets.toPeriod"), "orgUnitCode", clone.getString("targets.orgUnitCode")))
                .when().post(clone.getString("targets.href"))
                .then().statusCode(200)
                .body("copied.period", containsInAnyOrder("202406", "202406"))
                .body("copied.orgUnitCode", containsInAnyOrder(province, kept))
                .body("copied.effectiveFrom", containsInAnyOrder("2024-06-01", "2024-06-01"));
    }

    @Test
    void aThreeLevelTargetCascadeIsRefusedWhenAChildExceedsItsParentAndSoAreDirectWrites() {
        String[] units = Gateway.createHierarchy("TG", "Tỉnh Tuyên Quang", "Xã Một");
        String national = units[0];
        String province = units[1];
        String district = province + "-D";
        String communeA = district + "A";
        String communeB = district + "B";
        Gateway.createUnit(district, "Huyện Hàm Yên", "DISTRICT", province);
        Gateway.createUnit(communeA, "Xã Phù Lưu", "COMMUNE", district);
        Gateway.createUnit(communeB, "Xã Yên Phú", "COMMUNE", district);
        awaitIndicatorServiceKnows(communeB);

        // The national target is the national admin's; a province's manager cannot set its own.
        post(as("lc-manager", province), "/api/v1/targets", target(province, "2024", 100), 403);
        String top = post(admin(), "/api/v1/targets", target(national, "2024", 1000), 201).getString("id");

        // By hand, three levels down: the communes' 300 + 300 exceed their district's 500.
        admin().contentType(ContentType.JSON).body(Map.of("children", List.of(share(province, 600),
                        share(district, 500), share(communeA, 300), share(communeB, 300))))
                .when().post("/api/v1/targets/" + top + "/cascade")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:target-exceeds-parent"))
                .body("errors[0].field", equalTo("children[3].value"))
                .body("errors[0].message", containsString("add up to 600 from 2024-05-01, over " + district
                        + "'s target of 500 by 100"));
        admin().queryParam("orgUnit", district).when().get("/api/v1/targets").then().body("totalItems", equalTo(0));

        // Evenly, three levels down, with the year split into quarters: every family adds up exactly. The
        // province's 1000 goes half to the district, half to the commune directly below the province.
        JsonPath made = post(admin(), "/api/v1/targets/" + top + "/cascade",
                Map.of("rule", "EVEN", "levels", 3, "splitPeriodInto", "QUARTER"), 201);
        String value = "find { it.period == '%s' && it.orgUnitCode == '%s' }.value";
        assertEquals(1000, made.getInt(String.format(value, "2024", province)));
        assertEquals(500, made.getInt(String.format(value, "2024", district)));
        assertEquals(250, made.getInt(String.format(value, "2024", communeA)));
        assertEquals(250, made.getInt(String.format(value, "2024Q1", national)));
        assertEquals(125, made.getInt(String.format(value, "2024Q1", district)));
        assertEquals(125, made.getInt(String.format(value, "2024Q1", communeA))
                + made.getInt(String.format(value, "2024Q1", communeB)));

        // A direct write on a child over its parent, and a parent lowered below its children, are refused too.
        admin().contentType(ContentType.JSON).body(with(target(communeA, "2024", 251), "effectiveFrom", "2024-07-01"))
                .when().post("/api/v1/targets")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:target-exceeds-parent"))
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("add up to 501 from 2024-07-01, over " + district
                        + "'s target of 500 by 1"));
        admin().contentType(ContentType.JSON).body(with(target(district, "2024", 450), "effectiveFrom", "2024-07-01"))
                .when().post("/api/v1/targets")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("add up to 500 from 2024-07-01, over " + district
                        + "'s target of 450 by 50"));
        // Within its parent's, the district's manager sets a commune's new target.
        post(as("lc-manager", district), "/api/v1/targets",
                with(target(communeA, "2024", 200), "effectiveFrom", "2024-07-01"), 201);
        post(as("lc-manager", district), "/api/v1/targets",
                with(target(district, "2024", 450), "effectiveFrom", "2024-07-01"), 403);
    }

    private static void unitSince2024(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("levelCode", level);
        body.put("parentCode", parent);
        body.put("validFrom", "2024-01-01");
        post(admin(), "/api/v1/org-units", body, 201);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
