package vn.commops.plan.assignment;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanFixtures;

@QuarkusTest
class AssignmentCascadeTest {

    @Test
    void aProvinceSplitsItsTaskAmongItsCommunesWithinItsQuantityBudgetAndTargets() {
        String[] tree = OrgUnitFixtures.tree();
        String[] other = OrgUnitFixtures.tree();
        String second = OrgUnitFixtures.uniqueCode("LC-BX");
        OrgUnitFixtures.create(second, "Xã Bát Xát", "COMMUNE", tree[1]);
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01",
                "2024-05-31");
        String province = AssignmentFixtures.create(AssignmentFixtures.assignment(plan, tree[1], "SMALL_GROUP", 10,
                10_000_000, "2024-05-13", "2024-05-19", Map.of("newHealthInsurance", 100L)));
        TopicProbe.awaitEvent(AssignmentEvents.TOPIC, AssignmentEvents.CREATED, province);

        Map<String, Object> greedy = AssignmentFixtures.share(second, 5, 6_000_000);
        greedy.put("targets", Map.of("newHealthInsurance", 60L));
        Map<String, Object> first = AssignmentFixtures.share(tree[2], 6, 5_000_000);
        first.put("targets", Map.of("newHealthInsurance", 50L));
        as("unit-manager", tree[1]).contentType(ContentType.JSON).body(Map.of("children", List.of(first, greedy)))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:cascade-exceeds-parent"))
                .body("errors.field", containsInAnyOrder("children.quantity", "children.budgetVnd",
                        "children.targets.newHealthInsurance"))
                .body("detail", containsString("shares total 11, the parent has 10 (over by 1)"));
        asNationalAdmin().queryParam("parentAssignmentId", province).when().get("/api/v1/assignments")
                .then().body("totalItems", equalTo(0));

        as("unit-manager", tree[1]).contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(other[2], 1, 0))))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(422).body("errors[0].field", equalTo("children[0].orgUnitCode"));
        as("unit-manager", tree[1]).contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[1], 1, 0))))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(422);
        as("unit-manager", tree[2]).contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 1, 0))))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(403);

        as("unit-manager", tree[1]).contentType(ContentType.JSON)
                .body(Map.of("children", List.of(first, AssignmentFixtures.share(second, 4, 5_000_000))))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(201)
                .body("$", hasSize(2))
                .body("[0].form", equalTo("SMALL_GROUP"))
                .body("[0].dueDate", equalTo("2024-05-19"))
                .body("[0].parentAssignmentId", equalTo(province));

        Map<String, Object> oneMore = AssignmentFixtures.share(second, 1, 0);
        oneMore.put("parentAssignmentId", province);
        as("unit-manager", tree[1]).contentType(ContentType.JSON).body(oneMore).when().post("/api/v1/assignments")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("quantity"))
                .body("errors[0].message", equalTo("shares total 11, the parent has 10 (over by 1)"));
    }

    @Test
    void changesKeepSharesWithinTheirParentAndClosingAShareFreesItsPart() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01",
                "2024-05-31");
        String province = AssignmentFixtures.create(AssignmentFixtures.assignment(plan, tree[1], "CONFERENCE", 10,
                1_000_000, "2024-05-01", "2024-05-31", Map.of("attendance", 500L)));
        String share = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 8, 800_000))))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(201).extract().path("[0].id");
        String provinceTag = asNationalAdmin().when().get("/api/v1/assignments/" + province).then().extract().header("ETag");
        String shareTag = asNationalAdmin().when().get("/api/v1/assignments/" + share).then().extract().header("ETag");

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("quantity", 7))
                .when().patch("/api/v1/assignments/" + province).then().statusCode(428);
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", provinceTag).body(Map.of("quantity", 7))
                .when().patch("/api/v1/assignments/" + province)
                .then().statusCode(400).body("errors[0].field", equalTo("quantity"))
                .body("errors[0].message", equalTo("shares total 8, the parent has 7 (over by 1)"));
        as("unit-manager", tree[1]).contentType(ContentType.JSON).header("If-Match", shareTag)
                .body(Map.of("quantity", 11, "budgetVnd", 900_000))
                .when().patch("/api/v1/assignments/" + share)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("quantity"));
        as("unit-manager", tree[2]).contentType(ContentType.JSON).header("If-Match", shareTag).body(Map.of("quantity", 9))
                .when().patch("/api/v1/assignments/" + share).then().statusCode(403);
        String closedTag = as("unit-manager", tree[1]).contentType(ContentType.JSON).header("If-Match", shareTag)
                .body(Map.of("status", "CLOSED"))
                .when().patch("/api/v1/assignments/" + share).then().statusCode(200)
                .body("status", equalTo("CLOSED")).extract().header("ETag");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", closedTag).body(Map.of("quantity", 1))
                .when().patch("/api/v1/assignments/" + share).then().statusCode(409);
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", provinceTag)
                .body(Map.of("quantity", 7, "responsible", "Phòng Truyền thông"))
                .when().patch("/api/v1/assignments/" + province)
                .then().statusCode(200).body("quantity", equalTo(7)).body("targets.attendance", equalTo(500));
        TopicProbe.awaitEvent(AssignmentEvents.TOPIC, AssignmentEvents.UPDATED, province);
    }

    @Test
    void anAssignmentGoesToTheOwnerUnitOrBelowWithinThePlanPeriod() {
        String[] tree = OrgUnitFixtures.tree();
        String[] other = OrgUnitFixtures.tree();
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01",
                "2024-05-31");

        asNationalAdmin().contentType(ContentType.JSON).body(AssignmentFixtures.assignment(plan, other[1], "BANNER", 5, 0,
                        "2024-05-06", "2024-05-21", Map.of()))
                .when().post("/api/v1/assignments").then().statusCode(422).body("errors[0].field", equalTo("orgUnitCode"));
        asNationalAdmin().contentType(ContentType.JSON).body(AssignmentFixtures.assignment(plan, tree[2], "BANNER", 5, 0,
                        "2024-05-06", "2024-06-21", Map.of()))
                .when().post("/api/v1/assignments").then().statusCode(422).body("errors[0].field", equalTo("dueDate"));
        asNationalAdmin().contentType(ContentType.JSON).body(AssignmentFixtures.assignment(plan, tree[2], "BANNER", 5, 0,
                        "2024-05-06", "2024-05-21", Map.of("likes", 3L)))
                .when().post("/api/v1/assignments").then().statusCode(422)
                .body("errors[0].field", equalTo("targets.likes"));
        String key = UUID.randomUUID().toString();
        String first = asNationalAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(AssignmentFixtures.assignment(plan, tree[2], "BANNER", 5, 0, "2024-05-06", "2024-05-21", Map.of()))
                .when().post("/api/v1/assignments").then().statusCode(201).extract().path("id");
        asNationalAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(AssignmentFixtures.assignment(plan, tree[2], "BANNER", 5, 0, "2024-05-06", "2024-05-21", Map.of()))
                .when().post("/api/v1/assignments").then().statusCode(200).body("id", equalTo(first));
    }
}
