package vn.commops.crisis;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** The delta feeds an offline client syncs feedback and crisis cases from. */
@QuarkusTest
class ChangeFeedTest {

    @Test
    void aClientSyncsNewFeedbackPageByPageAndThenSeesNothingNew() {
        String unit = OrgUnitEventsFixture.knownCommune();
        String start = drain("/api/v1/feedback/changes", null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Feedbacks.submit(Feedbacks.item("HOTLINE", "Hỏi về thẻ BHYT lần " + i, unit)));
        }
        JsonPath first = page("/api/v1/feedback/changes", start, 2);
        assertEquals(2, first.getList("items").size());
        assertTrue(first.getBoolean("hasMore"));
        assertNull(first.get("items[0].feedback.contact"));
        List<String> seen = new ArrayList<>(first.getList("items.id"));
        String cursor = first.getString("nextCursor");
        for (JsonPath next = page("/api/v1/feedback/changes", cursor, 2); ; next = page("/api/v1/feedback/changes", cursor, 2)) {
            seen.addAll(next.getList("items.id"));
            cursor = next.getString("nextCursor");
            if (!next.getBoolean("hasMore")) {
                break;
            }
        }
        assertTrue(seen.containsAll(ids), "every new item came: " + seen);
        assertEquals(List.of(), page("/api/v1/feedback/changes", cursor, 100).getList("items"));
        assertEquals(cursor, page("/api/v1/feedback/changes", cursor, 100).getString("nextCursor"));

        as("viewer").queryParam("updatedSince", "2024-01-01T00:00:00+07:00").when().get("/api/v1/feedback/changes")
                .then().statusCode(200);
        as("viewer").queryParam("updatedSince", "yesterday").when().get("/api/v1/feedback/changes")
                .then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        as("viewer").queryParam("updatedSince", "cABC").when().get("/api/v1/feedback/changes")
                .then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        as("unit-officer", unit).when().get("/api/v1/feedback/changes").then().statusCode(403);
    }

    @Test
    void aClosedCaseComesAsATombstone() {
        String unit = OrgUnitEventsFixture.knownCommune();
        String start = drain("/api/v1/crisis-cases/changes", null);
        String kept = open("Tin đồn bỏ rút BHXH một lần", unit);
        String closed = open("Một đợt tăng không thành khủng hoảng", unit);
        as("crisis-analyst").contentType(ContentType.JSON).body(Map.of("to", "CLOSED", "reason", "Không lan rộng"))
                .when().post("/api/v1/crisis-cases/" + closed + "/transitions").then().statusCode(200);

        JsonPath changes = page("/api/v1/crisis-cases/changes", start, 100);
        assertEquals(List.of(kept, closed), changes.getList("items.id"), "each case once, in the order last written");
        assertEquals(List.of(false, true), changes.getList("items.removed"));
        assertEquals("Tin đồn bỏ rút BHXH một lần", changes.getString("items[0].crisisCase.title"));
        assertNull(changes.get("items[1].crisisCase"));
        assertFalse(changes.getBoolean("hasMore"));
    }

    private static String open(String title, String unit) {
        return as("crisis-analyst").contentType(ContentType.JSON).body(Map.of("title", title, "severity", "HIGH",
                        "topicCode", "FALSE_INFORMATION", "orgUnitCode", unit))
                .when().post("/api/v1/crisis-cases").then().statusCode(201).extract().path("id");
    }

    /** Reads a feed to its end, as a client's first sync does; returns the cursor to go on from. */
    private static String drain(String feed, String cursor) {
        JsonPath page;
        do {
            page = page(feed, cursor, 5000);
            cursor = page.getString("nextCursor");
        } while (page.getBoolean("hasMore"));
        return cursor;
    }

    private static JsonPath page(String feed, String cursor, int limit) {
        var request = as("crisis-analyst").queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("updatedSince", cursor);
        }
        return request.when().get(feed).then().statusCode(200).extract().jsonPath();
    }
}
