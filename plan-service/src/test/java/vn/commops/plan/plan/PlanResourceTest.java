package vn.commops.plan.plan;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;

@QuarkusTest
class PlanResourceTest {

    private static Map<String, Object> plan(String owner, String start, String end, String parent) {
        return plan("CAMPAIGN", owner, start, end, parent);
    }

    private static Map<String, Object> plan(String type, String owner, String start, String end, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", "Tháng vận động triển khai BHXH toàn dân 2024");
        body.put("ownerUnitCode", owner);
        body.put("periodStart", start);
        body.put("periodEnd", end);
        if (parent != null) {
            body.put("parentPlanId", parent);
        }
        return body;
    }

    @Test
    void aDraftPlanIsCreatedAndPublished() {
        String[] tree = OrgUnitFixtures.tree();

        String parent = PlanFixtures.parentFor("CAMPAIGN", tree[0], "2024-05-01", "2024-05-31");
        String id = asNationalAdmin().contentType(ContentType.JSON).body(plan(tree[0], "2024-05-01", "2024-05-31", parent))
                .when().post("/api/v1/plans")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("status", equalTo("DRAFT"))
                .extract().path("id");

        asNationalAdmin().when().get("/api/v1/plans/" + id).then().statusCode(200)
                .body("title", equalTo("Tháng vận động triển khai BHXH toàn dân 2024"));
        asNationalAdmin().queryParam("q", "thang van dong").queryParam("ownerUnit", tree[0]).when().get("/api/v1/plans")
                .then().statusCode(200).body("items.id", hasItem(id));
        TopicProbe.Received event = TopicProbe.awaitEvent(PlanEvents.TOPIC, PlanEvents.CREATED, id);
        assertEquals(tree[0], event.value().path("data").path("ownerUnitCode").asText());
    }

    @Test
    void aRetriedCreateReturnsTheFirstPlan() {
        String[] tree = OrgUnitFixtures.tree();
        String key = UUID.randomUUID().toString();

        String first = asNationalAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(plan("MASTER", tree[0], "2024-01-01", "2024-12-31", null))
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id");
        String retried = asNationalAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(plan("MASTER", tree[0], "2024-01-01", "2024-12-31", null))
                .when().post("/api/v1/plans").then().statusCode(200).extract().path("id");

        assertEquals(first, retried);
        asNationalAdmin().queryParam("ownerUnit", tree[0]).when().get("/api/v1/plans").then().body("totalItems", equalTo(1));
    }

    @Test
    void aChildPlanMustLieWithinItsParentsPeriod() {
        String[] tree = OrgUnitFixtures.tree();
        // A child derives only from an approved plan (issue 3), so the parent is approved first.
        String parent = PlanFixtures.approvedUnder(tree[0], "PERIODIC", "Tháng vận động 2024", tree[0], "2024-05-01",
                "2024-05-31");

        asNationalAdmin().contentType(ContentType.JSON).body(plan(tree[1], "2024-05-13", "2024-06-19", parent))
                .when().post("/api/v1/plans")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:period-outside-parent"));
        asNationalAdmin().contentType(ContentType.JSON).body(plan(tree[1], "2024-05-13", "2024-05-19", parent))
                .when().post("/api/v1/plans")
                .then().statusCode(201)
                .body("parentPlanId", equalTo(parent));
    }

    @Test
    void anUnknownOwnerIsNamed() {
        asNationalAdmin().contentType(ContentType.JSON).body(plan("NOWHERE", "2024-05-01", "2024-05-31", null))
                .when().post("/api/v1/plans")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("ownerUnitCode"));
    }

    @Test
    void anEndBeforeTheStartIsNamed() {
        asNationalAdmin().contentType(ContentType.JSON).body(plan("VN", "2024-05-31", "2024-05-01", null))
                .when().post("/api/v1/plans")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("periodEnd"));
    }

    @Test
    void anUnknownTypeIsNamed() {
        Map<String, Object> body = plan("VN", "2024-05-01", "2024-05-31", null);
        body.put("type", "WEEKLY");
        asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"));
    }
}
