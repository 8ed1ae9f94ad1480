package vn.commops.plan.amendment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.assignment.AssignmentFixtures;
import vn.commops.plan.campaign.CampaignEvents;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanEvents;
import vn.commops.plan.plan.PlanFixtures;

/**
 * Approval that means something: after a plan is approved, its campaigns' and assignments' amounts change only
 * through its decider, every other change applies at once, and the audit shows what was approved and what
 * changed after.
 */
@QuarkusTest
class PlanAmendmentTest {

    /**
     * A province's May plan, approved by the national unit's manager, with a campaign, a task and a commune share;
     * the campaign's lines (30 M) hold the task (20 M) and its raise to 25 M (assignment budgets stay within them).
     */
    private record Approved(String[] tree, String plan, String campaign, String task, String share) {

        RequestSpecification owner() {
            return as("unit-manager", tree[1]);
        }

        RequestSpecification decider() {
            return as("unit-manager", tree[0]);
        }
    }

    private static Map<String, Object> campaign(String plan, String theme, long... amounts) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", plan);
        body.put("theme", theme);
        body.put("startDate", "2024-05-13");
        body.put("endDate", "2024-05-19");
        body.put("forms", List.of(Map.of("kind", "SMALL_GROUP")));
        body.put("budgetLines", java.util.stream.IntStream.range(0, amounts.length)
                .mapToObj(i -> Map.of("item", "Hạng mục " + (i + 1), "amountVnd", amounts[i])).toList());
        return body;
    }

    private static Approved approvedProvincePlan() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "7 ngày cao điểm", tree[1], "2024-05-01",
                "2024-05-31");
        String campaign = asNationalAdmin().contentType(ContentType.JSON)
                .body(campaign(plan, "7 ngày cao điểm tuyên truyền nhóm nhỏ", 30_000_000L))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        Map<String, Object> body = AssignmentFixtures.assignment(plan, tree[1], "SMALL_GROUP", 40, 20_000_000,
                "2024-05-13", "2024-05-19", Map.of("newSocialInsurance", 50L));
        body.put("campaignId", campaign);
        String task = AssignmentFixtures.create(body);
        String share = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 10, 5_000_000))))
                .when().post("/api/v1/assignments/" + task + "/split").then().statusCode(201).extract().path("[0].id");
        as("unit-manager", tree[1]).contentType(ContentType.JSON).body(Map.of("action", "SUBMIT"))
                .when().post("/api/v1/plans/" + plan + "/transitions").then().statusCode(200);
        as("unit-manager", tree[0]).contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                .when().post("/api/v1/plans/" + plan + "/transitions").then().statusCode(200);
        return new Approved(tree, plan, campaign, task, share);
    }

    private static String etag(String path) {
        return asNationalAdmin().when().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String amendmentId(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void decide(RequestSpecification as, Approved approved, String amendment, String action,
            String reason, int status) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        as.contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans/" + approved.plan() + "/amendments/" + amendment + "/decisions")
                .then().statusCode(status);
    }

    private static String patchAssignment(RequestSpecification as, String id, Map<String, Object> change, int status) {
        return as.contentType(ContentType.JSON).header("If-Match", etag("/api/v1/assignments/" + id)).body(change)
                .when().patch("/api/v1/assignments/" + id).then().statusCode(status).extract().header("Location");
    }

    @Test
    void aBudgetChangeAfterApprovalWaitsForThePlansDeciderWhileTheWordingApplies() {
        Approved approved = approvedProvincePlan();
        String path = "/api/v1/campaigns/" + approved.campaign();

        String location = approved.owner().contentType(ContentType.JSON).header("If-Match", etag(path))
                .body(campaign(approved.plan(), "7 ngày cao điểm tuyên truyền BHXH tự nguyện", 30_000_000L, 5_000_000L))
                .when().put(path)
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/plans/" + approved.plan() + "/amendments/"))
                .body("theme", equalTo("7 ngày cao điểm tuyên truyền BHXH tự nguyện"))
                .body("budgetTotalVnd", equalTo(30_000_000))
                .extract().header("Location");
        String amendment = amendmentId(location);
        asNationalAdmin().when().get(path).then().body("budgetTotalVnd", equalTo(30_000_000));
        asNationalAdmin().queryParam("status", "PENDING").when().get("/api/v1/plans/" + approved.plan() + "/amendments")
                .then().statusCode(200)
                .body("id", contains(amendment))
                .body("[0].subjectType", equalTo("CAMPAIGN"))
                .body("[0].fields", contains("budgetLines"))
                .body("[0].before.budgetLines.amountVnd", contains(30_000_000))
                .body("[0].after.budgetLines.amountVnd", contains(30_000_000, 5_000_000));
        approved.owner().contentType(ContentType.JSON).header("If-Match", etag(path))
                .body(campaign(approved.plan(), "7 ngày cao điểm", 32_000_000L))
                .when().put(path).then().statusCode(409)
                .body("type", equalTo("urn:commops:problem:amendment-pending"));

        // Only a decider of the plan decides: the province's own manager, another province's and an officer may not.
        decide(approved.owner(), approved, amendment, "APPROVE", null, 403);
        decide(as("unit-manager", OrgUnitFixtures.tree()[0]), approved, amendment, "APPROVE", null, 403);
        decide(as("unit-officer", approved.tree()[0]), approved, amendment, "APPROVE", null, 403);
        approved.owner().contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                .when().post("/api/v1/plans/" + approved.plan() + "/amendments/" + amendment + "/decisions")
                .then().body("type", equalTo("urn:commops:problem:not-plan-decider"));
        decide(approved.decider(), approved, amendment, "APPROVE", null, 200);
        asNationalAdmin().when().get(path).then().body("budgetTotalVnd", equalTo(35_000_000));
        asNationalAdmin().when().get("/api/v1/plans/" + approved.plan() + "/amendments/" + amendment)
                .then().body("status", equalTo("APPROVED")).body("decidedBy", equalTo("unit-manager-user"));
        approved.decider().contentType(ContentType.JSON).body(Map.of("action", "RETURN", "reason", "Muộn"))
                .when().post("/api/v1/plans/" + approved.plan() + "/amendments/" + amendment + "/decisions")
                .then().statusCode(409).body("type", equalTo("urn:commops:problem:amendment-decided"));

        TopicProbe.Received proposed = TopicProbe.awaitEvent(PlanEvents.TOPIC, AmendmentEvents.PROPOSED, approved.plan());
        assertEquals(amendment, proposed.value().path("data").path("amendmentId").asText());
        TopicProbe.Received decided = TopicProbe.awaitEvent(PlanEvents.TOPIC, AmendmentEvents.APPROVED, approved.plan());
        assertEquals("APPROVED", decided.value().path("data").path("status").asText());
        TopicProbe.awaitEvent(CampaignEvents.TOPIC, CampaignEvents.UPDATED, approved.campaign());

        asNationalAdmin().when().get("/api/v1/plans/" + approved.plan() + "/revisions").then().statusCode(200)
                .body("findAll { it.kind == 'APPROVED' }.subjectType", containsInAnyOrder("PLAN", "CAMPAIGN",
                        "ASSIGNMENT", "ASSIGNMENT"))
                .body("[0].subjectType", equalTo("PLAN"))
                .body("findAll { it.kind != 'APPROVED' }.kind", contains("AMENDMENT_PROPOSED", "CHANGED",
                        "AMENDMENT_APPROVED"))
                .body("find { it.kind == 'CHANGED' }.fields", contains("theme"))
                .body("find { it.kind == 'CHANGED' }.actor", equalTo("unit-manager-user"))
                .body("find { it.kind == 'AMENDMENT_APPROVED' }.before.budgetLines", hasSize(1))
                .body("find { it.kind == 'AMENDMENT_APPROVED' }.after.budgetLines", hasSize(2));
    }

    @Test
    void anAssignmentsAmountsWaitForTheDeciderWhoApprovesOrReturnsThem() {
        Approved approved = approvedProvincePlan();
        String path = "/api/v1/assignments/" + approved.task();

        patchAssignment(approved.owner(), approved.task(), Map.of("title", "7 ngày cao điểm",
                "responsible", "Phòng Truyền thông"), 200);
        asNationalAdmin().when().get(path).then().body("title", equalTo("7 ngày cao điểm"));
        String returned = amendmentId(patchAssignment(approved.owner(), approved.task(),
                Map.of("budgetVnd", 25_000_000, "quantity", 45), 202));
        asNationalAdmin().when().get(path).then().body("budgetVnd", equalTo(20_000_000)).body("quantity", equalTo(40));

        decide(approved.decider(), approved, returned, "RETURN", null, 400);
        decide(approved.decider(), approved, returned, "RETURN", "Kinh phí bổ sung chưa được phân bổ", 200);
        asNationalAdmin().when().get(path).then().body("budgetVnd", equalTo(20_000_000));

        String targets = amendmentId(patchAssignment(approved.owner(), approved.task(),
                Map.of("targets", Map.of("newSocialInsurance", 60)), 202));
        decide(asNationalAdmin(), approved, targets, "APPROVE", null, 200);
        asNationalAdmin().when().get(path).then().body("targets.newSocialInsurance", equalTo(60))
                .body("budgetVnd", equalTo(20_000_000));
        // Approval checks the cascade again: a share raised while another share was made may no longer fit.
        String raise = amendmentId(patchAssignment(approved.owner(), approved.share(), Map.of("quantity", 30), 202));
        approved.owner().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(approved.tree()[2], 25, 0))))
                .when().post(path + "/split").then().statusCode(201);
        approved.decider().contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                .when().post("/api/v1/plans/" + approved.plan() + "/amendments/" + raise + "/decisions")
                .then().statusCode(400).body("type", equalTo("urn:commops:problem:cascade-exceeds-parent"));

        asNationalAdmin().when().get("/api/v1/plans/" + approved.plan() + "/revisions").then()
                .body("findAll { it.kind != 'APPROVED' }.kind", contains("CHANGED", "AMENDMENT_PROPOSED",
                        "AMENDMENT_RETURNED", "AMENDMENT_PROPOSED", "AMENDMENT_APPROVED", "AMENDMENT_PROPOSED",
                        "CREATED"))
                .body("find { it.kind == 'CHANGED' }.fields", contains("title", "responsible"))
                .body("find { it.kind == 'AMENDMENT_RETURNED' }.fields", hasItems("quantity", "budgetVnd"))
                .body("find { it.kind == 'AMENDMENT_APPROVED' }.fields", contains("targets"));
    }

    @Test
    void aDecisionOnAClosedAssignmentOrAClosedPlanIsStale() {
        Approved approved = approvedProvincePlan();
        String onShare = amendmentId(patchAssignment(approved.owner(), approved.share(),
                Map.of("budgetVnd", 6_000_000), 202));
        patchAssignment(approved.decider(), approved.share(), Map.of("status", "CLOSED"), 200);
        approved.decider().contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                .when().post("/api/v1/plans/" + approved.plan() + "/amendments/" + onShare + "/decisions")
                .then().statusCode(409).body("type", equalTo("urn:commops:problem:amendment-stale"));
        approved.decider().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("action", "APPROVE"))
                .when().post("/api/v1/plans/" + approved.plan() + "/amendments/" + onShare + "/decisions")
                .then().statusCode(412);

        String onTask = amendmentId(patchAssignment(approved.owner(), approved.task(), Map.of("quantity", 42), 202));
        patchAssignment(approved.owner(), approved.task(), Map.of("quantity", 43, "status", "CLOSED"), 422);
        for (String action : List.of("ACTIVATE", "CLOSE")) {
            approved.owner().contentType(ContentType.JSON).body(Map.of("action", action))
                    .when().post("/api/v1/plans/" + approved.plan() + "/transitions").then().statusCode(200);
        }
        approved.decider().contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                .when().post("/api/v1/plans/" + approved.plan() + "/amendments/" + onTask + "/decisions")
                .then().statusCode(409).body("type", equalTo("urn:commops:problem:amendment-stale"));
    }

    @Test
    void aCampaignAddedToAnApprovedPlanWaitsForItsBudgetAndADraftPlanIsNotAudited() {
        Approved approved = approvedProvincePlan();
        String link = asNationalAdmin().contentType(ContentType.JSON)
                .body(campaign(approved.plan(), "Tuần lễ vàng", 8_000_000L))
                .when().post("/api/v1/campaigns").then().statusCode(201)
                .body("budgetTotalVnd", equalTo(0))
                .extract().header("Link");
        String amendment = link.substring(link.indexOf("/amendments/") + "/amendments/".length(), link.indexOf('>'));
        decide(asNationalAdmin(), approved, amendment, "APPROVE", null, 200);
        asNationalAdmin().when().get("/api/v1/plans/" + approved.plan() + "/revisions").then()
                .body("kind", hasItem("CREATED"))
                .body("find { it.kind == 'AMENDMENT_APPROVED' }.after.budgetLines.amountVnd", contains(8_000_000));

        String[] tree = OrgUnitFixtures.tree();
        String draft = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Nháp", tree[1], "2024-05-01", "2024-05-31");
        String campaign = asNationalAdmin().contentType(ContentType.JSON).body(campaign(draft, "Nháp", 1_000_000L))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag("/api/v1/campaigns/" + campaign))
                .body(campaign(draft, "Nháp", 2_000_000L)).when().put("/api/v1/campaigns/" + campaign)
                .then().statusCode(200).body("budgetTotalVnd", equalTo(2_000_000));
        asNationalAdmin().when().get("/api/v1/plans/" + draft + "/revisions").then().body("$", empty());
        asNationalAdmin().when().get("/api/v1/plans/" + draft + "/amendments").then().body("$", empty());
    }
}
