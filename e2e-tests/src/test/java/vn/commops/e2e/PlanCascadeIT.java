package vn.commops.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
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
 * The cascade of the master plan through the gateway (issue 22, parts 2 and 3): master, annual, periodic and
 * campaign plans each derived from the approved plan above, inheriting its objectives and indicators; a
 * province's campaign implementing the national one, linked in the calendar; and after approval, a budget
 * change held until the plan's approver approves it, with the audit showing what was approved and what changed.
 */
class PlanCascadeIT {

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    private static JsonPath post(RequestSpecification as, String path, Object body, int status) {
        return as.contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(status).extract()
                .jsonPath();
    }

    private static Map<String, Object> plan(String type, String title, String owner, String start, String end,
            String parent) {
        Map<String, Object> plan = new HashMap<>(Map.of("type", type, "title", title, "ownerUnitCode", owner,
                "periodStart", start, "periodEnd", end));
        if (parent != null) {
            plan.put("parentPlanId", parent);
        }
        return plan;
    }

    private static void transition(RequestSpecification as, String plan, String action) {
        post(as, "/api/v1/plans/" + plan + "/transitions", Map.of("action", action), 200);
    }

    private static Map<String, Object> campaign(String plan, String theme, String start, String end, long budget,
            String implemented) {
        Map<String, Object> campaign = new HashMap<>(Map.of("planId", plan, "theme", theme, "startDate", start,
                "endDate", end, "forms", List.of(Map.of("kind", "SMALL_GROUP")),
                "budgetLines", List.of(Map.of("item", "Tuyên truyền nhóm nhỏ", "amountVnd", budget))));
        if (implemented != null) {
            campaign.put("implementsCampaignId", implemented);
        }
        return campaign;
    }

    private static String etag(String path) {
        return admin().when().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static void decide(RequestSpecification as, String location, int status) {
        as.contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                .when().post(location.substring(location.indexOf("/api/v1/")) + "/decisions")
                .then().statusCode(status);
    }

    @Test
    void theCascadeInheritsLinksTheProvincesCampaignAndHoldsABudgetChangeForTheApprover() {
        String[] units = Gateway.createHierarchy("LC", "Bảo hiểm xã hội tỉnh Lào Cai", "Xã Hồ Phai");
        String national = units[0];
        String province = units[1];
        RequestSpecification nationalManager = as("lc-manager", national);
        RequestSpecification provinceManager = as("lc-manager", province);

        // Master (Decision 1676) -> 2024 plan -> second quarter -> the May action month, each approved in turn.
        Map<String, Object> masterBody = plan("MASTER", "Đề án đổi mới tuyên truyền chính sách BHXH", national,
                "2019-11-21", "2030-12-31", null);
        masterBody.put("objectives", "Bao phủ BHXH toàn dân");
        masterBody.put("indicatorCodes", List.of("NEW_VOLUNTARY_SI_PARTICIPANTS", "NEW_HI_PARTICIPANTS"));
        String master = Plans.approved(masterBody);
        String year = Plans.approved(plan("ANNUAL", "Kế hoạch truyền thông năm 2024", national, "2024-01-01",
                "2024-12-31", master));
        admin().contentType(ContentType.JSON)
                .body(plan("CAMPAIGN", "Tháng vận động 2024", national, "2024-05-01", "2024-05-31", null))
                .when().post("/api/v1/plans").then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:parent-plan-required"))
                .body("errors[0].field", equalTo("parentPlanId"));
        admin().contentType(ContentType.JSON)
                .body(plan("PERIODIC", "Quý II/2024", national, "2024-04-01", "2024-06-30", master))
                .when().post("/api/v1/plans").then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:parent-plan-wrong-type"));
        String quarter = Plans.approved(plan("PERIODIC", "Quý II/2024", national, "2024-04-01", "2024-06-30", year));
        String may = post(admin(), "/api/v1/plans", plan("CAMPAIGN", "Tháng vận động triển khai BHXH toàn dân 2024",
                national, "2024-05-01", "2024-05-31", quarter), 201).getString("id");
        String month = post(admin(), "/api/v1/campaigns", campaign(may, "Bảo hiểm xã hội - An sinh cho mọi nhà",
                "2024-05-01", "2024-05-31", 500_000_000L, null), 201).getString("id");
        transition(admin(), may, "SUBMIT");
        transition(admin(), may, "APPROVE");
        as("viewer").when().get("/api/v1/plans/" + may).then().statusCode(200)
                .body("objectives", equalTo(null))
                .body("effectiveObjectives.text", equalTo("Bao phủ BHXH toàn dân"))
                .body("effectiveObjectives.sourcePlanId", equalTo(master))
                .body("effectiveObjectives.inherited", equalTo(true))
                .body("indicators.code", contains("NEW_VOLUNTARY_SI_PARTICIPANTS", "NEW_HI_PARTICIPANTS"))
                .body("indicators.sourcePlanId", everyItem(equalTo(master)));

        // Lao Cai's 7 peak days, under the 2024 plan, implementing the national month.
        String province7 = post(provinceManager, "/api/v1/plans", plan("CAMPAIGN", "7 ngày cao điểm tuyên truyền nhóm "
                + "nhỏ", province, "2024-05-13", "2024-05-19", year), 201).getString("id");
        String peakDays = post(provinceManager, "/api/v1/campaigns", campaign(province7, "7 ngày cao điểm tuyên truyền "
                + "nhóm nhỏ", "2024-05-13", "2024-05-19", 70_000_000L, month), 201).getString("id");
        Map<String, Object> task = new HashMap<>(Map.of("planId", province7, "campaignId", peakDays,
                "orgUnitCode", province, "form", "SMALL_GROUP", "quantity", 140, "budgetVnd", 70_000_000,
                "startDate", "2024-05-13", "dueDate", "2024-05-19",
                "targets", Map.of("newSocialInsurance", 250, "newHealthInsurance", 1800)));
        String smallGroups = post(provinceManager, "/api/v1/assignments", task, 201).getString("id");
        transition(provinceManager, province7, "SUBMIT");
        transition(nationalManager, province7, "APPROVE");

        as("viewer").queryParam("orgUnit", units[2]).queryParam("date", "2024-05-15")
                .when().get("/api/v1/campaigns/calendar").then().statusCode(200)
                .body("campaignId", contains(month, peakDays))
                .body("find { it.campaignId == '" + peakDays + "' }.implementsCampaignId", equalTo(month))
                .body("find { it.campaignId == '" + peakDays + "' }.implementsTheme",
                        equalTo("Bảo hiểm xã hội - An sinh cho mọi nhà"));
        as("viewer").queryParam("implementsCampaignId", month).when().get("/api/v1/campaigns")
                .then().statusCode(200).body("items.id", contains(peakDays));

        // After approval: more budget for the campaign and the task waits for the approver; the wording does not.
        String campaignPath = "/api/v1/campaigns/" + peakDays;
        Map<String, Object> raised = campaign(province7, "7 ngày cao điểm tuyên truyền BHXH tự nguyện", "2024-05-13",
                "2024-05-19", 85_000_000L, month);
        String campaignAmendment = provinceManager.contentType(ContentType.JSON).header("If-Match", etag(campaignPath))
                .body(raised).when().put(campaignPath)
                .then().statusCode(202)
                .body("theme", equalTo("7 ngày cao điểm tuyên truyền BHXH tự nguyện"))
                .body("budgetTotalVnd", equalTo(70_000_000))
                .extract().header("Location");
        decide(provinceManager, campaignAmendment, 403);
        decide(nationalManager, campaignAmendment, 200);
        as("viewer").when().get(campaignPath).then().body("budgetTotalVnd", equalTo(85_000_000));

        String taskPath = "/api/v1/assignments/" + smallGroups;
        String taskAmendment = provinceManager.contentType(ContentType.JSON).header("If-Match", etag(taskPath))
                .body(Map.of("budgetVnd", 85_000_000, "responsible", "Phòng Truyền thông"))
                .when().patch(taskPath)
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/plans/" + province7 + "/amendments/"))
                .body("budgetVnd", equalTo(70_000_000))
                .body("responsible", equalTo("Phòng Truyền thông"))
                .extract().header("Location");
        as("viewer").queryParam("status", "PENDING").when().get("/api/v1/plans/" + province7 + "/amendments")
                .then().statusCode(200).body("subjectType", contains("ASSIGNMENT"))
                .body("[0].after.budgetVnd", equalTo(85_000_000));
        as("viewer").when().get(taskPath).then().body("budgetVnd", equalTo(70_000_000));
        decide(provinceManager, taskAmendment, 403);
        decide(nationalManager, taskAmendment, 200);
        decide(nationalManager, taskAmendment, 409);
        as("viewer").when().get(taskPath).then().body("budgetVnd", equalTo(85_000_000));

        as("viewer").when().get("/api/v1/plans/" + province7 + "/revisions").then().statusCode(200)
                .body("kind", hasItems("APPROVED", "CHANGED", "AMENDMENT_PROPOSED", "AMENDMENT_APPROVED"))
                .body("find { it.kind == 'APPROVED' && it.subjectType == 'ASSIGNMENT' }.after.budgetVnd",
                        equalTo(70_000_000))
                .body("findAll { it.kind == 'AMENDMENT_APPROVED' }.subjectType", contains("CAMPAIGN", "ASSIGNMENT"))
                .body("find { it.kind == 'AMENDMENT_APPROVED' && it.subjectType == 'ASSIGNMENT' }.after.budgetVnd",
                        equalTo(85_000_000))
                .body("find { it.kind == 'AMENDMENT_APPROVED' && it.subjectType == 'ASSIGNMENT' }.actor",
                        equalTo("lc-manager"));
    }
}
