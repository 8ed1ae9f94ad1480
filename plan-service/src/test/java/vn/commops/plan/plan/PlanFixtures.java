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

    /**
     * An approved plan a plan of {@code type} may derive from, owned by {@code owner} (the child's unit or one
     * above it), with its own approved chain up to a master plan: for ANNUAL a master plan, for PERIODIC and
     * CAMPAIGN an annual plan over the years of start to end. Null for MASTER.
     */
    public static String parentFor(String type, String owner, String start, String end) {
        return switch (type) {
            case "MASTER" -> null;
            case "ANNUAL" -> approved("MASTER", "Đề án truyền thông BHXH 2019-2030", owner, "2019-01-01", "2030-12-31",
                    null);
            default -> approved("ANNUAL", "Kế hoạch thông tin, truyền thông năm " + start.substring(0, 4), owner,
                    start.substring(0, 4) + "-01-01", end.substring(0, 4) + "-12-31",
                    parentFor("ANNUAL", owner, start, end));
        };
    }

    /** A draft plan derived from a fresh approved chain owned by {@code chainOwner} ({@link #parentFor}). */
    public static String createUnder(String chainOwner, String type, String title, String owner, String start,
            String end) {
        return create(type, title, owner, start, end, parentFor(type, chainOwner, start, end));
    }

    /** An approved plan derived from a fresh approved chain owned by {@code chainOwner} ({@link #parentFor}). */
    public static String approvedUnder(String chainOwner, String type, String title, String owner, String start,
            String end) {
        return approved(type, title, owner, start, end, parentFor(type, chainOwner, start, end));
    }
}
