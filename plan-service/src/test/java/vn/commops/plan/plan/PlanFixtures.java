package vn.commops.plan.plan;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;

/** Plans through the API. */
public final class PlanFixtures {

    private PlanFixtures() {
    }

    public static Map<String, Object> plan(String type, String title, String owner, String start, String end,
            String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("ownerUnitCode", owner);
        body.put("periodStart", start);
        body.put("periodEnd", end);
        if (parent != null) {
            body.put("parentPlanId", parent);
        }
        return body;
    }

    public static String create(String type, String title, String owner, String start, String end, String parent) {
        return asNationalAdmin().contentType(ContentType.JSON).body(plan(type, title, owner, start, end, parent))
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id");
    }

    public static void move(String id, String action) {
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("action", action))
                .when().post("/api/v1/plans/" + id + "/transitions").then().statusCode(200);
    }

    /** Submitted and approved by a national admin. */
    public static String approved(String type, String title, String owner, String start, String end, String parent) {
        String id = create(type, title, owner, start, end, parent);
        move(id, "SUBMIT");
        move(id, "APPROVE");
        return id;
    }
}
