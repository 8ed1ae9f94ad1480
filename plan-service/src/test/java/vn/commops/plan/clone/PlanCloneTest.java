package vn.commops.plan.clone;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.plan.assignment.AssignmentFixtures;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanFixtures;

@QuarkusTest
class PlanCloneTest {

    @Test
    void aPlanIsClonedToTheNextPeriodWithItsCampaignsAndAssignmentCascade() {
        String[] tree = OrgUnitFixtures.tree();
        // Its parent is the annual plan of 2024: a clone to 2025 names the 2025 one.
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động 2024", tree[1], "2024-05-01",
                "2024-05-31");
        String year2025 = PlanFixtures.parentFor("CAMPAIGN", tree[0], "2025-01-01", "2025-12-31");
        String campaign = asNationalAdmin().contentType(ContentType.JSON).body(Map.of("planId", plan,
                        "theme", "BHXH - An sinh cho mọi nhà", "startDate", "2024-05-01", "endDate", "2024-05-31",
                        "keyMessages", List.of("Thông điệp 1", "Thông điệp 2"),
                        "forms", List.of(Map.of("kind", "BANNER", "windowStart", "2024-05-06", "windowEnd", "2024-05-21")),
                        "budgetLines", List.of(Map.of("item", "In và treo băng rôn", "amountVnd", 5_000_000))))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        Map<String, Object> task = AssignmentFixtures.assignment(plan, tree[1], "BANNER", 10, 5_000_000,
                "2024-05-06", "2024-05-21", Map.of());
        task.put("campaignId", campaign);
        String province = AssignmentFixtures.create(task);
        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 4, 2_000_000))))
                .when().post("/api/v1/assignments/" + province + "/split").then().statusCode(201);

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/plans/" + plan + "/clone")
                .then().statusCode(400);
        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("periodStart", "2025-05-01", "title", "Tháng vận động 2025"))
                .when().post("/api/v1/plans/" + plan + "/clone")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:parent-plan-required"))
                .body("errors[0].field", equalTo("parentPlanId"));
        String copy = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("periodStart", "2025-05-01", "title", "Tháng vận động 2025", "parentPlanId", year2025))
                .when().post("/api/v1/plans/" + plan + "/clone")
                .then().statusCode(201)
                .body("plan.parentPlanId", equalTo(year2025))
                .body("campaigns", equalTo(1))
                .body("assignments", equalTo(2))
                .body("plan.periodStart", equalTo("2025-05-01"))
                .body("plan.periodEnd", equalTo("2025-05-31"))
                .body("plan.status", equalTo("DRAFT"))
                .extract().path("plan.id");

        String copiedCampaign = asNationalAdmin().queryParam("planId", copy).when().get("/api/v1/campaigns")
                .then().body("items[0].forms[0].windowStart", equalTo("2025-05-06"))
                .body("items[0].forms[0].windowEnd", equalTo("2025-05-21"))
                .body("items[0].keyMessages", contains("Thông điệp 1", "Thông điệp 2"))
                .body("items[0].id", not(equalTo(campaign)))
                .extract().path("items[0].id");
        String copiedProvince = asNationalAdmin().queryParam("planId", copy).queryParam("orgUnit", tree[1])
                .when().get("/api/v1/assignments")
                .then().body("items[0].dueDate", equalTo("2025-05-21"))
                .body("items[0].campaignId", equalTo(copiedCampaign))
                .extract().path("items[0].id");
        asNationalAdmin().queryParam("parentAssignmentId", copiedProvince).when().get("/api/v1/assignments")
                .then().body("items.orgUnitCode", contains(tree[2])).body("items[0].quantity", equalTo(4));
    }
}
