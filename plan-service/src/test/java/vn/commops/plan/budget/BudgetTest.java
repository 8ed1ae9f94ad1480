package vn.commops.plan.budget;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.assignment.AssignmentFixtures;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanFixtures;

/** Assignment budgets kept within the campaign's lines, and budget versus actual from the activities' costs. */
@QuarkusTest
class BudgetTest {

    private static String campaign(String plan, long... lines) {
        List<Map<String, Object>> budgetLines = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            budgetLines.add(Map.of("item", "Hạng mục " + (i + 1), "amountVnd", lines[i]));
        }
        return asNationalAdmin().contentType(ContentType.JSON).body(campaignBody(plan, budgetLines))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> campaignBody(String plan, List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", plan);
        body.put("theme", "BHXH tự nguyện - Chỗ dựa vững chắc khi về già");
        body.put("startDate", "2024-05-01");
        body.put("endDate", "2024-05-31");
        body.put("budgetLines", lines);
        return body;
    }

    private static Map<String, Object> task(String plan, String campaign, String unit, long budget) {
        Map<String, Object> task = AssignmentFixtures.assignment(plan, unit, "SMALL_GROUP", 10, budget, "2024-05-01",
                "2024-05-31", Map.of());
        if (campaign != null) {
            task.put("campaignId", campaign);
        }
        return task;
    }

    private static void change(String assignment, long budget, int status) {
        String etag = asNationalAdmin().when().get("/api/v1/assignments/" + assignment).then().extract().header("ETag");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("budgetVnd", budget))
                .when().patch("/api/v1/assignments/" + assignment).then().statusCode(status);
    }

    private static JsonPath budget(String path, String count) {
        var request = as("viewer");
        if (count != null) {
            request.queryParam("count", count);
        }
        return request.when().get(path + "/budget").then().statusCode(200).extract().jsonPath();
    }

    /** allocated, assigned, spent, remaining, activities, uncosted. */
    private static List<Long> figures(JsonPath budget) {
        return List.of(budget.getLong("allocatedVnd"), budget.getLong("assignedVnd"), budget.getLong("spentVnd"),
                budget.getLong("remainingVnd"), budget.getLong("activities"), budget.getLong("uncostedActivities"));
    }

    @Test
    void assignmentBudgetsStayWithinTheCampaignsBudgetLines() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.create("MASTER", "Kế hoạch truyền thông 2024", tree[1], "2024-05-01", "2024-05-31",
                null);
        String campaign = campaign(plan, 10_000_000, 5_000_000);
        String first = AssignmentFixtures.create(task(plan, campaign, tree[1], 10_000_000));

        asNationalAdmin().contentType(ContentType.JSON).body(task(plan, campaign, tree[2], 6_000_000))
                .when().post("/api/v1/assignments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("budget-exceeds-campaign"))
                .body("errors[0].field", equalTo("budgetVnd"))
                .body("errors[0].message", containsString("16000000 VND"))
                .body("errors[0].message", containsString("15000000 VND (over by 1000000)"));
        String second = AssignmentFixtures.create(task(plan, campaign, tree[2], 5_000_000));
        // A task outside any campaign is not held by its lines.
        AssignmentFixtures.create(task(plan, null, tree[2], 50_000_000));

        change(first, 11_000_000, 422);
        change(first, 9_000_000, 200);
        change(first, 10_000_000, 200);
        // Shares stay within their parent, and so within the campaign.
        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 5, 4_000_000))))
                .when().post("/api/v1/assignments/" + first + "/split").then().statusCode(201);

        // The lines cannot be lowered below what the assignments hold; closing one frees what it held.
        String etag = asNationalAdmin().when().get("/api/v1/campaigns/" + campaign).then().extract().header("ETag");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag)
                .body(campaignBody(plan, List.of(Map.of("item", "Hạng mục 1", "amountVnd", 14_999_999))))
                .when().put("/api/v1/campaigns/" + campaign)
                .then().statusCode(422).body("errors[0].field", equalTo("budgetLines"))
                .body("errors[0].message", containsString("15000000 VND"));
        String closeTag = asNationalAdmin().when().get("/api/v1/assignments/" + second).then().extract().header("ETag");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", closeTag).body(Map.of("status", "CLOSED"))
                .when().patch("/api/v1/assignments/" + second).then().statusCode(200);
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag)
                .body(campaignBody(plan, List.of(Map.of("item", "Hạng mục 1", "amountVnd", 10_000_000))))
                .when().put("/api/v1/campaigns/" + campaign)
                .then().statusCode(200);
        assertEquals(List.of(10_000_000L, 10_000_000L, 0L, 10_000_000L, 0L, 0L),
                figures(budget("/api/v1/campaigns/" + campaign, null)));
    }

    @Test
    void budgetVersusActualSumsTheCostOfActivitiesThatCountAndLeavesUncostedOnesOut() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.create("MASTER", "Kế hoạch truyền thông 2024", tree[1], "2024-05-01", "2024-05-31",
                null);
        String campaign = campaign(plan, 15_000_000);
        String province = AssignmentFixtures.create(task(plan, campaign, tree[1], 10_000_000));
        String share = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 5, 4_000_000))))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(201).extract().path("[0].id");
        String standAlone = AssignmentFixtures.create(task(plan, null, tree[1], 2_000_000));

        UUID onShare = UUID.randomUUID();
        UUID verified = UUID.randomUUID();
        UUID uncosted = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        TopicProbe.send("activities", onShare.toString(),
                AssignmentFixtures.activity("activity.recorded", onShare, 1, share, tree[2], 1, "REPORTED", 1_500_000L));
        TopicProbe.send("activities", verified.toString(),
                AssignmentFixtures.activity("activity.recorded", verified, 1, province, tree[1], 1, "REPORTED", 3_000_000L),
                AssignmentFixtures.activity("activity.verified", verified, 2, province, tree[1], 1, "VERIFIED", 3_000_000L));
        TopicProbe.send("activities", uncosted.toString(),
                AssignmentFixtures.activity("activity.recorded", uncosted, 1, province, tree[1], 1, "REPORTED", null));
        TopicProbe.send("activities", rejected.toString(),
                AssignmentFixtures.activity("activity.recorded", rejected, 1, share, tree[2], 1, "REPORTED", 2_000_000L),
                AssignmentFixtures.activity("activity.verified", rejected, 2, share, tree[2], 1, "REJECTED", 2_000_000L));
        TopicProbe.send("activities", elsewhere.toString(),
                AssignmentFixtures.activity("activity.recorded", elsewhere, 1, standAlone, tree[1], 1, "REPORTED",
                        500_000L));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertEquals(List.of(17_000_000L, 12_000_000L, 5_000_000L, 12_000_000L, 4L, 1L),
                        figures(budget("/api/v1/plans/" + plan, null))));
        assertEquals(List.of(15_000_000L, 10_000_000L, 4_500_000L, 10_500_000L, 3L, 1L),
                figures(budget("/api/v1/campaigns/" + campaign, "all")));
        assertEquals(List.of(10_000_000L, 4_000_000L, 4_500_000L, 5_500_000L, 3L, 1L),
                figures(budget("/api/v1/assignments/" + province, null)));
        assertEquals(List.of(4_000_000L, 0L, 1_500_000L, 2_500_000L, 1L, 0L),
                figures(budget("/api/v1/assignments/" + share, null)));
        assertEquals(List.of(10_000_000L, 4_000_000L, 3_000_000L, 7_000_000L, 1L, 0L),
                figures(budget("/api/v1/assignments/" + province, "verified")));
        assertEquals("VERIFIED", budget("/api/v1/campaigns/" + campaign, "verified").getString("counting"));

        as("viewer").queryParam("count", "some").when().get("/api/v1/campaigns/" + campaign + "/budget")
                .then().statusCode(400).body("errors[0].field", equalTo("count"));
        as("viewer").when().get("/api/v1/campaigns/" + UUID.randomUUID() + "/budget").then().statusCode(404);
        as("viewer").when().get("/api/v1/plans/" + UUID.randomUUID() + "/budget").then().statusCode(404);
        as("viewer").when().get("/api/v1/assignments/" + UUID.randomUUID() + "/budget").then().statusCode(404);
        io.restassured.RestAssured.given().when().get("/api/v1/plans/" + plan + "/budget").then().statusCode(401);
    }

    @Test
    void aRaiseApprovedAfterOthersTookTheRoomIsRefusedWhenApproved() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động 2024", tree[1], "2024-05-01",
                "2024-05-31");
        String campaign = campaign(plan, 20_000_000);
        String first = AssignmentFixtures.create(task(plan, campaign, tree[1], 10_000_000));
        PlanFixtures.move(plan, "SUBMIT");
        PlanFixtures.move(plan, "APPROVE");

        // On the approved plan the raise waits for the decider; meanwhile another task takes what is left.
        String etag = asNationalAdmin().when().get("/api/v1/assignments/" + first).then().extract().header("ETag");
        String location = asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("budgetVnd", 15_000_000)).when().patch("/api/v1/assignments/" + first)
                .then().statusCode(202).extract().header("Location");
        AssignmentFixtures.create(task(plan, campaign, tree[2], 8_000_000));

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                .when().post(location.substring(location.indexOf("/api/v1/")) + "/decisions")
                .then().statusCode(422).body("errors[0].field", equalTo("budgetVnd"))
                .body("errors[0].message", containsString("over by 3000000"));
        asNationalAdmin().when().get("/api/v1/assignments/" + first).then().body("budgetVnd", equalTo(10_000_000));
    }
}
