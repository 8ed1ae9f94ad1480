package vn.commops.plan.sync;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.plan.assignment.AssignmentFixtures;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanFixtures;

/** The delta feeds an offline client syncs the hierarchy, campaigns and assignments from. */
@QuarkusTest
class ChangeFeedTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    /** Before today, so that a closure effective today ends a unit that already existed. */
    private static final String EXISTS_SINCE = "2024-01-01";

    @Test
    void aClosedUnitComesAsATombstoneAfterTheUnitsMadeBeforeIt() {
        String[] tree = OrgUnitFixtures.tree();
        String start = drain("/api/v1/org-units/changes");
        String kept = OrgUnitFixtures.create("KEEP", "Xã Giữ Lại", "COMMUNE", tree[1], EXISTS_SINCE);
        String closed = OrgUnitFixtures.create("GONE", "Xã Giải Thể", "COMMUNE", tree[1], EXISTS_SINCE);
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", TODAY.toString()))
                .when().post("/api/v1/org-units/" + closed + "/close").then().statusCode(200);

        JsonPath first = page("/api/v1/org-units/changes", start, 1);
        assertEquals(1, first.getList("items").size());
        assertTrue(first.getBoolean("hasMore"), "one change a page, more to come");
        List<Map<String, Object>> changes = new ArrayList<>(first.getList("items"));
        changes.addAll(all("/api/v1/org-units/changes", first.getString("nextCursor"), 1));
        List<Object> codes = changes.stream().map(c -> c.get("code")).toList();
        assertEquals(1, codes.stream().filter(kept::equals).count(), "each unit once: " + codes);
        assertEquals(1, codes.stream().filter(closed::equals).count(), "written twice, served once: " + codes);
        assertTrue(codes.indexOf(kept) < codes.indexOf(closed), "in the order last written: " + codes);
        Map<String, Object> keptChange = changes.get(codes.indexOf(kept));
        Map<String, Object> closedChange = changes.get(codes.indexOf(closed));
        assertEquals(false, keptChange.get("removed"));
        assertEquals("Xã Giữ Lại", ((Map<?, ?>) keptChange.get("orgUnit")).get("name"));
        assertEquals(true, closedChange.get("removed"));
        assertNull(closedChange.get("orgUnit"));
        String end = drain("/api/v1/org-units/changes");
        assertEquals(List.of(), page("/api/v1/org-units/changes", end, 100).getList("items"));

        as("viewer").queryParam("updatedSince", "not-a-time").when().get("/api/v1/org-units/changes").then()
                .statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        as("partner").when().get("/api/v1/org-units/changes").then().statusCode(403);
    }

    @Test
    void campaignsAndAssignmentsSyncWithClosedAssignmentsAsTombstones() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01",
                "2024-05-31");
        String campaignsFrom = drain("/api/v1/campaigns/changes");
        String assignmentsFrom = drain("/api/v1/assignments/changes");
        String campaign = asNationalAdmin().contentType(ContentType.JSON)
                .body(campaign(plan))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        String open = AssignmentFixtures.create(AssignmentFixtures.assignment(plan, tree[1], "SMALL_GROUP", 10,
                10_000_000, "2024-05-13", "2024-05-19", Map.of()));
        String closing = AssignmentFixtures.create(AssignmentFixtures.assignment(plan, tree[2], "BANNER", 2,
                1_000_000, "2024-05-13", "2024-05-19", Map.of()));
        String tag = asNationalAdmin().when().get("/api/v1/assignments/" + closing).then().extract().header("ETag");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", tag).body(Map.of("status", "CLOSED"))
                .when().patch("/api/v1/assignments/" + closing).then().statusCode(200);

        JsonPath campaigns = page("/api/v1/campaigns/changes", campaignsFrom, 100);
        assertEquals(List.of(campaign), campaigns.getList("items.id"));
        assertEquals(tree[1], campaigns.getString("items[0].campaign.ownerUnitCode"));
        JsonPath assignments = page("/api/v1/assignments/changes", assignmentsFrom, 100);
        assertEquals(List.of(open, closing), assignments.getList("items.id"));
        assertEquals(List.of(false, true), assignments.getList("items.removed"));
        assertEquals(10, assignments.getInt("items[0].assignment.quantity"));
        assertNull(assignments.get("items[1].assignment"));
    }

    private static Map<String, Object> campaign(String plan) {
        return Map.of("planId", plan, "theme", "Bảo hiểm xã hội - An sinh cho mọi nhà", "startDate", "2024-05-06",
                "endDate", "2024-05-21", "keyMessages", List.of("Tham gia BHXH - Đóng góp hôm nay, an tâm tương lai"),
                "targetGroups", List.of("FREELANCE_WORKERS"), "forms", List.of(Map.of("kind", "SMALL_GROUP")),
                "budgetLines", List.of(Map.of("item", "In băng rôn", "amountVnd", 15_000_000)));
    }

    /** Every change after a cursor, read a page of {@code limit} at a time. */
    private static List<Map<String, Object>> all(String feed, String cursor, int limit) {
        List<Map<String, Object>> changes = new ArrayList<>();
        JsonPath page;
        do {
            page = page(feed, cursor, limit);
            changes.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (page.getBoolean("hasMore"));
        return changes;
    }

    /** Reads a feed to its end, as a client's first sync does; returns the cursor to go on from. */
    private static String drain(String feed) {
        String cursor = null;
        JsonPath page;
        do {
            page = page(feed, cursor, 5000);
            cursor = page.getString("nextCursor");
        } while (page.getBoolean("hasMore"));
        return cursor;
    }

    private static JsonPath page(String feed, String cursor, int limit) {
        var request = as("viewer").queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("updatedSince", cursor);
        }
        return request.when().get(feed).then().statusCode(200).extract().jsonPath();
    }
}
