package vn.commops.plan.clone;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.plan.assignment.AssignmentFixtures;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanFixtures;

/** Clones move along the calendar, follow units into their successors, and bring child plans on request. */
@QuarkusTest
class PlanCloneByCalendarTest {

    private static final String SINCE = "2024-01-01";

    private static void close(String assignmentId) {
        String etag = asNationalAdmin().when().get("/api/v1/assignments/" + assignmentId).then().statusCode(200)
                .extract().header("ETag");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("status", "CLOSED"))
                .when().patch("/api/v1/assignments/" + assignmentId).then().statusCode(200);
    }

    @Test
    void aMayPlanClonedAMonthOnRunsThroughJuneWithItsUnitsMappedToTheirSuccessors() {
        String vn = OrgUnitFixtures.uniqueCode("VN");
        OrgUnitFixtures.create(vn, "Bảo hiểm xã hội Việt Nam", "NATIONAL", null);
        String province = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        String kept = OrgUnitFixtures.create("LC-A", "Xã A", "COMMUNE", province, SINCE);
        String merged = OrgUnitFixtures.create("LC-B", "Xã B", "COMMUNE", province, SINCE);
        String closed = OrgUnitFixtures.create("LC-C", "Xã C", "COMMUNE", province, SINCE);

        String plan = PlanFixtures.createUnder(vn, "CAMPAIGN", "Tháng vận động 2024", province, "2024-05-01",
                "2024-05-31");
        String campaign = asNationalAdmin().contentType(ContentType.JSON).body(Map.of("planId", plan,
                        "theme", "BHXH - An sinh cho mọi nhà", "startDate", "2024-05-01", "endDate", "2024-05-31",
                        "forms", List.of(Map.of("kind", "BANNER", "windowStart", "2024-05-06", "windowEnd", "2024-05-31")),
                        "budgetLines", List.of(Map.of("item", "In và treo băng rôn", "amountVnd", 5_000_000))))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        Map<String, Object> task = AssignmentFixtures.assignment(plan, province, "BANNER", 10, 5_000_000,
                "2024-05-06", "2024-05-31", Map.of());
        task.put("campaignId", campaign);
        String provinceTask = AssignmentFixtures.create(task);
        List<String> shares = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(kept, 3, 1_000_000),
                        AssignmentFixtures.share(merged, 2, 1_000_000), AssignmentFixtures.share(closed, 1, 500_000))))
                .when().post("/api/v1/assignments/" + provinceTask + "/split").then().statusCode(201)
                .extract().path("id");
        // May's work is done: the shares are closed, then B merges into A and C closes, from 1 June.
        shares.forEach(PlanCloneByCalendarTest::close);
        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("mergedCodes", List.of(merged), "successorCode", kept, "effectiveDate", "2024-06-01"))
                .when().post("/api/v1/org-units/merges").then().statusCode(200);
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", "2024-06-01"))
                .when().post("/api/v1/org-units/" + closed + "/close").then().statusCode(200);

        String copy = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("shiftMonths", 1, "title", "Tháng 6", "includeTargets", true))
                .when().post("/api/v1/plans/" + plan + "/clone")
                .then().statusCode(201)
                .body("plan.periodStart", equalTo("2024-06-01"))
                .body("plan.periodEnd", equalTo("2024-06-30"))
                .body("sourcePlanId", equalTo(plan))
                .body("assignments", equalTo(3))
                .body("mappedUnits", hasSize(1))
                .body("mappedUnits[0].from", equalTo(merged))
                .body("mappedUnits[0].to", equalTo(kept))
                .body("droppedAssignments", hasSize(1))
                .body("droppedAssignments[0].orgUnitCode", equalTo(closed))
                .body("droppedAssignments[0].reason", containsString("with no successor"))
                .body("targets.href", equalTo("/api/v1/targets/copy"))
                .body("targets.fromPeriod", equalTo("202405"))
                .body("targets.toPeriod", equalTo("202406"))
                .body("targets.orgUnitCode", equalTo(province))
                .extract().path("plan.id");

        asNationalAdmin().queryParam("planId", copy).when().get("/api/v1/campaigns").then()
                .body("items[0].endDate", equalTo("2024-06-30"))
                .body("items[0].forms[0].windowStart", equalTo("2024-06-06"))
                .body("items[0].forms[0].windowEnd", equalTo("2024-06-30"));
        String copiedTask = asNationalAdmin().queryParam("planId", copy).queryParam("orgUnit", province)
                .when().get("/api/v1/assignments").then().body("items[0].dueDate", equalTo("2024-06-30"))
                .extract().path("items[0].id");
        asNationalAdmin().queryParam("parentAssignmentId", copiedTask).when().get("/api/v1/assignments")
                .then().body("items.orgUnitCode", containsInAnyOrder(kept, kept))
                .body("items.status", contains("OPEN", "OPEN"));
    }

    @Test
    void aWholeYearClonedAYearOnIsTheWholeNextYearAndBringsItsChildPlans() {
        String[] tree = OrgUnitFixtures.tree();
        // The master plan runs 2019-2030: the 2024 copy still derives from it.
        String master = PlanFixtures.parentFor("ANNUAL", tree[0], "2023-01-01", "2023-12-31");
        String year = PlanFixtures.approved("ANNUAL", "Kế hoạch 2023", tree[1], "2023-01-01", "2023-12-31", master);
        String may = PlanFixtures.approved("PERIODIC", "Tháng 5/2023", tree[1], "2023-05-01", "2023-05-31", year);
        String leap = PlanFixtures.create("CAMPAIGN", "Tuần 2023", tree[2], "2023-05-22", "2023-05-28", may);

        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("shiftYears", 1, "includeChildPlans", true, "includeTargets", true))
                .when().post("/api/v1/plans/" + year + "/clone")
                .then().statusCode(201)
                .body("plan.periodStart", equalTo("2024-01-01"))
                .body("plan.periodEnd", equalTo("2024-12-31"))
                .body("plan.parentPlanId", equalTo(master))
                .body("targets.fromPeriod", equalTo("2023"))
                .body("childPlans", hasSize(1))
                .body("childPlans[0].sourcePlanId", equalTo(may))
                .body("childPlans[0].plan.periodEnd", equalTo("2024-05-31"))
                .body("childPlans[0].plan.status", equalTo("DRAFT"))
                .body("childPlans[0].targets.toPeriod", equalTo("202405"))
                .body("childPlans[0].childPlans[0].sourcePlanId", equalTo(leap))
                .body("childPlans[0].childPlans[0].plan.periodStart", equalTo("2024-05-22"))
                .body("childPlans[0].childPlans[0].targets.fromPeriod", nullValue())
                .body("childPlans[0].childPlans[0].targets.note", containsString("not a whole month"));

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("shiftYears", 1, "shiftDays", 3))
                .when().post("/api/v1/plans/" + year + "/clone")
                .then().statusCode(400).body("errors[0].field", equalTo("periodStart"));
    }
}
