package vn.commops.plan.plan;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;

@QuarkusTest
class PlanWorkflowTest {

    private static void transition(RequestSpecification as, String id, String action, String reason, int status) {
        Map<String, Object> body = reason == null ? Map.of("action", action) : Map.of("action", action, "reason", reason);
        as.contentType(ContentType.JSON).body(body).when().post("/api/v1/plans/" + id + "/transitions")
                .then().statusCode(status);
    }

    @Test
    void aCommunePlanIsDecidedByItsProvinceAndEveryMoveIsRecorded() {
        String[] tree = OrgUnitFixtures.tree();
        String id = PlanFixtures.createUnder(tree[0], "PERIODIC", "Kế hoạch quý II", tree[2], "2024-04-01", "2024-06-30");

        transition(as("unit-officer", tree[2]), id, "SUBMIT", null, 200);
        transition(as("unit-manager", tree[1]), id, "RETURN", null, 400);
        transition(as("unit-manager", tree[1]), id, "RETURN", "Thiếu chỉ tiêu BHXH tự nguyện", 200);
        asNationalAdmin().when().get("/api/v1/plans/" + id).then().body("status", equalTo("RETURNED"));
        transition(as("unit-manager", tree[2]), id, "SUBMIT", null, 200);
        transition(as("unit-manager", tree[2]), id, "APPROVE", null, 403);
        transition(as("unit-manager", tree[1]), id, "APPROVE", null, 200);
        transition(as("unit-manager", tree[2]), id, "ACTIVATE", null, 200);
        transition(as("unit-manager", tree[2]), id, "CLOSE", null, 200);

        asNationalAdmin().when().get("/api/v1/plans/" + id + "/transitions")
                .then().statusCode(200)
                .body("action", contains("SUBMIT", "RETURN", "SUBMIT", "APPROVE", "ACTIVATE", "CLOSE"))
                .body("toStatus", contains("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED", "ACTIVE", "CLOSED"))
                .body("[1].reason", equalTo("Thiếu chỉ tiêu BHXH tự nguyện"))
                .body("[1].actor", equalTo("unit-manager-user"))
                .body("[0].actor", equalTo("unit-officer-user"));
        TopicProbe.Received returned = TopicProbe.awaitEvent(PlanEvents.TOPIC, "plan.returned", id);
        assertEquals("Thiếu chỉ tiêu BHXH tự nguyện", returned.value().path("data").path("reason").asText());
        TopicProbe.awaitEvent(PlanEvents.TOPIC, "plan.closed", id);
    }

    @Test
    void onlyTheParentUnitsApproverDecidesAProvincialPlan() {
        String[] tree = OrgUnitFixtures.tree();
        String[] otherProvince = OrgUnitFixtures.tree();
        String id = PlanFixtures.createUnder(tree[0], "ANNUAL", "Kế hoạch truyền thông năm 2025", tree[1], "2025-01-01",
                "2025-12-31");
        transition(as("unit-manager", tree[1]), id, "SUBMIT", null, 200);

        as("unit-manager", tree[1]).contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                .when().post("/api/v1/plans/" + id + "/transitions")
                .then().statusCode(403).body("type", equalTo("urn:commops:problem:not-plan-decider"));
        transition(as("unit-manager", otherProvince[1]), id, "APPROVE", null, 403);
        transition(as("unit-officer", tree[0]), id, "APPROVE", null, 403);
        transition(as("unit-manager", tree[0]), id, "APPROVE", null, 200);
    }

    @Test
    void aRootUnitsPlanIsApprovedByANationalAdminOnly() {
        String[] tree = OrgUnitFixtures.tree();
        String id = PlanFixtures.create("MASTER", "Đề án truyền thông 2022-2030", tree[0], "2022-01-01", "2030-12-31", null);
        transition(as("unit-manager", tree[0]), id, "SUBMIT", null, 200);
        transition(as("unit-manager", tree[0]), id, "APPROVE", null, 403);
        transition(asNationalAdmin(), id, "APPROVE", null, 200);
    }

    @Test
    void illegalTransitionsAreConflicts() {
        String[] tree = OrgUnitFixtures.tree();
        String id = PlanFixtures.createUnder(tree[0], "ANNUAL", "Kế hoạch năm", tree[1], "2025-01-01", "2025-12-31");

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                .when().post("/api/v1/plans/" + id + "/transitions")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:illegal-transition"));
        transition(asNationalAdmin(), id, "CLOSE", null, 409);
        transition(asNationalAdmin(), id, "ACTIVATE", null, 409);
        transition(asNationalAdmin(), id, "TRANSFER", null, 400);
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("action", "PUBLISH"))
                .when().post("/api/v1/plans/" + id + "/transitions")
                .then().statusCode(400).body("errors[0].field", equalTo("action"));
        transition(asNationalAdmin(), id, "SUBMIT", null, 200);
        transition(asNationalAdmin(), id, "SUBMIT", null, 409);
    }

    @Test
    void aChildDerivesOnlyFromAnApprovedParentOfAUnitAboveIt() {
        String[] tree = OrgUnitFixtures.tree();
        String[] other = OrgUnitFixtures.tree();
        String draft = PlanFixtures.createUnder(tree[0], "ANNUAL", "Kế hoạch năm 2024", tree[0], "2024-01-01",
                "2024-12-31");

        asNationalAdmin().contentType(ContentType.JSON)
                .body(PlanFixtures.plan("PERIODIC", "Quý II", tree[1], "2024-04-01", "2024-06-30", draft))
                .when().post("/api/v1/plans")
                .then().statusCode(422).body("type", equalTo("urn:commops:problem:parent-plan-not-approved"));
        PlanFixtures.move(draft, "SUBMIT");
        PlanFixtures.move(draft, "APPROVE");
        asNationalAdmin().contentType(ContentType.JSON)
                .body(PlanFixtures.plan("PERIODIC", "Quý II", other[1], "2024-04-01", "2024-06-30", draft))
                .when().post("/api/v1/plans")
                .then().statusCode(422).body("type", equalTo("urn:commops:problem:parent-plan-of-another-unit"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(PlanFixtures.plan("PERIODIC", "Quý II", tree[1], "2024-04-01", "2024-06-30", draft))
                .when().post("/api/v1/plans").then().statusCode(201);
    }

    @Test
    void searchFindsTitlesWithOrWithoutDiacriticsInASubtreeAndPeriod() {
        String[] tree = OrgUnitFixtures.tree();
        String may = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động triển khai BHXH toàn dân", tree[2],
                "2024-05-01", "2024-05-31");
        String year = PlanFixtures.createUnder(tree[0], "ANNUAL", "Kế hoạch truyền thông năm 2024", tree[1],
                "2024-01-01", "2024-12-31");

        for (String q : new String[] {"tháng vận động", "thang van dong", "THÁNG VẬN ĐỘNG"}) {
            asNationalAdmin().queryParam("q", q).queryParam("subtreeOf", tree[0]).when().get("/api/v1/plans")
                    .then().statusCode(200).body("items.id", contains(may));
        }
        asNationalAdmin().queryParam("subtreeOf", tree[1]).queryParam("sort", "periodStart").when().get("/api/v1/plans")
                .then().body("items.id", contains(year, may));
        asNationalAdmin().queryParam("subtreeOf", tree[1]).queryParam("from", "2024-06-01").queryParam("to", "2024-06-30")
                .when().get("/api/v1/plans").then().body("items.id", contains(year));
        asNationalAdmin().queryParam("subtreeOf", tree[0]).queryParam("type", "CAMPAIGN").queryParam("status", "DRAFT")
                .queryParam("size", 1).when().get("/api/v1/plans")
                .then().body("items.id", contains(may)).body("totalItems", equalTo(1));
        asNationalAdmin().queryParam("subtreeOf", tree[0]).queryParam("status", "APPROVED").when().get("/api/v1/plans")
                .then().body("items.id", not(hasItem(may)));
    }
}
