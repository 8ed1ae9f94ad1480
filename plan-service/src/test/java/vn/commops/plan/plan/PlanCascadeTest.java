package vn.commops.plan.plan;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** The cascade of the master plan: types in order, each from an approved parent, inheriting what it leaves out. */
@QuarkusTest
class PlanCascadeTest {

    private static void refused(Map<String, Object> body, String type) {
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:" + type))
                .body("errors[0].field", equalTo("parentPlanId"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static String etag(String id) {
        return asNationalAdmin().when().get("/api/v1/plans/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void everyPlanButTheMasterDerivesFromAnApprovedPlanOfTheTypeAbove() {
        String[] tree = OrgUnitFixtures.tree();
        String master = PlanFixtures.approved("MASTER", "Đề án 1676", tree[0], "2019-11-21", "2030-12-31", null);

        refused(PlanFixtures.plan("MASTER", "Đề án khác", tree[0], "2020-01-01", "2030-12-31", master),
                "master-plan-has-no-parent");
        refused(PlanFixtures.plan("ANNUAL", "Kế hoạch 2024", tree[1], "2024-01-01", "2024-12-31", null),
                "parent-plan-required");
        refused(PlanFixtures.plan("PERIODIC", "Quý II/2024", tree[1], "2024-04-01", "2024-06-30", null),
                "parent-plan-required");
        refused(PlanFixtures.plan("CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01", "2024-05-31", null),
                "parent-plan-required");
        refused(PlanFixtures.plan("PERIODIC", "Quý II/2024", tree[1], "2024-04-01", "2024-06-30", master),
                "parent-plan-wrong-type");
        refused(PlanFixtures.plan("CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01", "2024-05-31", master),
                "parent-plan-wrong-type");

        String year = PlanFixtures.approved("ANNUAL", "Kế hoạch 2024", tree[1], "2024-01-01", "2024-12-31", master);
        refused(PlanFixtures.plan("ANNUAL", "Kế hoạch 2024 của xã", tree[2], "2024-01-01", "2024-12-31", year),
                "parent-plan-wrong-type");
        String quarter = PlanFixtures.approved("PERIODIC", "Quý II/2024", tree[1], "2024-04-01", "2024-06-30", year);
        String week = PlanFixtures.approved("CAMPAIGN", "7 ngày cao điểm", tree[2], "2024-05-13", "2024-05-19",
                quarter);
        refused(PlanFixtures.plan("PERIODIC", "Tuần", tree[2], "2024-05-13", "2024-05-19", week),
                "parent-plan-wrong-type");
        refused(PlanFixtures.plan("CAMPAIGN", "Trong tuần", tree[2], "2024-05-14", "2024-05-15", week),
                "parent-plan-wrong-type");
        // The May action month derives straight from the year's plan, with no periodic plan between (seeds 002, 003).
        PlanFixtures.create("CAMPAIGN", "Tháng vận động 2024", tree[1], "2024-05-01", "2024-05-31", year);
    }

    @Test
    void aChildInheritsObjectivesAndIndicatorsItLeavesOutAndSeesItsParentsChanges() {
        String[] tree = OrgUnitFixtures.tree();
        Map<String, Object> masterBody = with(with(PlanFixtures.plan("MASTER", "Đề án 1676", tree[0], "2019-11-21",
                "2030-12-31", null), "objectives", "BHXH toàn dân"), "indicatorCodes",
                List.of("NEW_VOLUNTARY_SI_PARTICIPANTS", "NEW_HI_PARTICIPANTS", "NEW_HI_PARTICIPANTS"));
        String master = asNationalAdmin().contentType(ContentType.JSON).body(masterBody).when().post("/api/v1/plans")
                .then().statusCode(201)
                .body("indicatorCodes", contains("NEW_VOLUNTARY_SI_PARTICIPANTS", "NEW_HI_PARTICIPANTS"))
                .body("effectiveObjectives.inherited", equalTo(false))
                .extract().path("id");
        PlanFixtures.move(master, "SUBMIT");
        PlanFixtures.move(master, "APPROVE");
        String year = PlanFixtures.approved("ANNUAL", "Kế hoạch 2024", tree[1], "2024-01-01", "2024-12-31", master);
        String quarter = asNationalAdmin().contentType(ContentType.JSON)
                .body(with(with(PlanFixtures.plan("PERIODIC", "Quý II/2024", tree[1], "2024-04-01", "2024-06-30", year),
                        "objectives", "Tăng 5% người tham gia BHXH tự nguyện"), "indicatorCodes",
                        List.of("VSSID_INSTALLS")))
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id");

        asNationalAdmin().when().get("/api/v1/plans/" + year).then().statusCode(200)
                .body("objectives", nullValue())
                .body("indicatorCodes", nullValue())
                .body("effectiveObjectives.text", equalTo("BHXH toàn dân"))
                .body("effectiveObjectives.sourcePlanId", equalTo(master))
                .body("effectiveObjectives.sourcePlanTitle", equalTo("Đề án 1676"))
                .body("effectiveObjectives.inherited", equalTo(true))
                .body("indicators.code", contains("NEW_VOLUNTARY_SI_PARTICIPANTS", "NEW_HI_PARTICIPANTS"))
                .body("indicators.sourcePlanId", everyItem(equalTo(master)))
                .body("indicators.inherited", everyItem(equalTo(true)));
        asNationalAdmin().when().get("/api/v1/plans/" + quarter).then()
                .body("effectiveObjectives.text", equalTo("Tăng 5% người tham gia BHXH tự nguyện"))
                .body("effectiveObjectives.sourcePlanId", equalTo(quarter))
                .body("effectiveObjectives.inherited", equalTo(false))
                .body("indicators.code", contains("VSSID_INSTALLS"))
                .body("indicators.inherited", contains(false));

        // The approved master plan's wording still changes: the year's plan follows, the quarter kept its own.
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag(master))
                .body(Map.of("objectives", "BHXH toàn dân, không để ai bị bỏ lại phía sau",
                        "indicatorCodes", List.of("NEW_HI_PARTICIPANTS")))
                .when().patch("/api/v1/plans/" + master).then().statusCode(200).body("revision", equalTo(2));
        asNationalAdmin().when().get("/api/v1/plans/" + year).then()
                .body("effectiveObjectives.text", equalTo("BHXH toàn dân, không để ai bị bỏ lại phía sau"))
                .body("indicators.code", contains("NEW_HI_PARTICIPANTS"));
        asNationalAdmin().when().get("/api/v1/plans/" + quarter).then()
                .body("effectiveObjectives.text", equalTo("Tăng 5% người tham gia BHXH tự nguyện"))
                .body("indicators.code", contains("VSSID_INSTALLS"));
        asNationalAdmin().when().get("/api/v1/plans/" + master + "/revisions").then().statusCode(200)
                .body("kind", contains("APPROVED", "CHANGED"))
                .body("[1].fields", hasItem("objectives"))
                .body("[1].before.objectives", equalTo("BHXH toàn dân"))
                .body("[1].after.objectives", equalTo("BHXH toàn dân, không để ai bị bỏ lại phía sau"));

        // A PUT leaving them out goes back to inheriting; an empty list is a list of its own.
        Map<String, Object> replaced = new HashMap<>(Map.of("type", "PERIODIC", "title", "Quý II/2024",
                "periodStart", "2024-04-01", "periodEnd", "2024-06-30", "parentPlanId", year,
                "indicatorCodes", List.of()));
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag(quarter)).body(replaced)
                .when().put("/api/v1/plans/" + quarter).then().statusCode(200)
                .body("effectiveObjectives.sourcePlanId", equalTo(master))
                .body("indicatorCodes", empty())
                .body("indicators", empty());
        asNationalAdmin().contentType(ContentType.JSON)
                .body(with(PlanFixtures.plan("PERIODIC", "Quý III", tree[1], "2024-07-01", "2024-09-30", year),
                        "indicatorCodes", List.of("new hi")))
                .when().post("/api/v1/plans").then().statusCode(400);
    }

    @Test
    void anApprovedPlanKeepsItsTypePeriodAndParent() {
        String[] tree = OrgUnitFixtures.tree();
        String master = PlanFixtures.approved("MASTER", "Đề án 1676", tree[0], "2019-11-21", "2030-12-31", null);
        String year = PlanFixtures.approved("ANNUAL", "Kế hoạch 2024", tree[1], "2024-01-01", "2024-12-31", master);

        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag(year))
                .body(Map.of("periodEnd", "2025-06-30"))
                .when().patch("/api/v1/plans/" + year).then().statusCode(409)
                .body("type", equalTo("urn:commops:problem:plan-not-editable"));
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag(year))
                .body(Map.of("title", "Kế hoạch thông tin, truyền thông năm 2024"))
                .when().patch("/api/v1/plans/" + year).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("periodEnd", equalTo("2024-12-31"));
    }

    @Test
    void aDraftPlanCannotTakeATypeItsChildPlansCannotDeriveFrom() {
        String[] tree = OrgUnitFixtures.tree();
        String master = PlanFixtures.approved("MASTER", "Đề án 1676", tree[0], "2019-11-21", "2030-12-31", null);
        String year = PlanFixtures.approved("ANNUAL", "Kế hoạch 2024", tree[1], "2024-01-01", "2024-12-31", master);
        PlanFixtures.approved("PERIODIC", "Quý II/2024", tree[1], "2024-04-01", "2024-06-30", year);
        // The clone of the year brings its quarter: two drafts, the quarter deriving from the year's copy.
        String copy = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("shiftYears", 1, "includeChildPlans", true))
                .when().post("/api/v1/plans/" + year + "/clone").then().statusCode(201)
                .body("plan.parentPlanId", equalTo(master))
                .body("childPlans[0].plan.type", equalTo("PERIODIC"))
                .extract().path("plan.id");

        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag(copy))
                .body(Map.of("type", "MASTER", "title", "Kế hoạch 2025", "periodStart", "2025-01-01",
                        "periodEnd", "2025-12-31"))
                .when().put("/api/v1/plans/" + copy).then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:children-need-other-type"))
                .body("errors[0].field", equalTo("type"));
    }
}
