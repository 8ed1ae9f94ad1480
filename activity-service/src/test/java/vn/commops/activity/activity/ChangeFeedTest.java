package vn.commops.activity.activity;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** The delta feed an offline mobile client syncs from. */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    DataSource dataSource;

    @Test
    void aClientSyncsItsUnitsChangesPageByPageWithTombstonesForWithdrawals() {
        String commune = OrgUnitEventsFixture.knownCommune();
        String elsewhere = OrgUnitEventsFixture.knownCommune();
        asNationalAdmin().contentType(ContentType.JSON).body(Fixtures.smallGroup(elsewhere))
                .when().post("/api/v1/activities").then().statusCode(201);
        String start = as("unit-officer", commune).when().get("/api/v1/activities/changes?limit=5000")
                .then().statusCode(200).extract().path("nextCursor");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = Fixtures.smallGroup(commune);
            body.put("clientId", UUID.randomUUID().toString());
            ids.add(as("unit-officer", commune).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/activities").then().statusCode(201).extract().path("id"));
        }
        JsonPath first = as("unit-officer", commune).queryParam("updatedSince", start).queryParam("limit", 2)
                .when().get("/api/v1/activities/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(ids.subList(0, 2), first.getList("items.id"));
        assertTrue(first.getBoolean("hasMore"));

        as("unit-officer", commune).contentType(ContentType.JSON).body(Map.of("reason", "Nhập nhầm"))
                .when().post("/api/v1/activities/" + ids.get(0) + "/withdrawal").then().statusCode(200);
        JsonPath rest = as("unit-officer", commune).queryParam("updatedSince", first.getString("nextCursor"))
                .when().get("/api/v1/activities/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(ids.get(2), ids.get(0)), rest.getList("items.id"));
        assertEquals(List.of(false, true), rest.getList("items.withdrawn"));
        assertEquals("Nhập nhầm", rest.getString("items[1].reason"));
        assertEquals(null, (Object) rest.get("items[1].activity"));
        assertFalse(rest.getBoolean("hasMore"));

        as("unit-officer", commune).queryParam("updatedSince", rest.getString("nextCursor"))
                .when().get("/api/v1/activities/changes").then().statusCode(200).body("items", empty())
                .body("nextCursor", equalTo(rest.getString("nextCursor")));
        as("unit-officer", commune).queryParam("updatedSince", "2024-01-01T00:00:00+07:00")
                .when().get("/api/v1/activities/changes").then().statusCode(200).body("items.size()", equalTo(3));
        as("unit-officer", commune).queryParam("updatedSince", "yesterday")
                .when().get("/api/v1/activities/changes").then().statusCode(400);
    }

    /**
     * A transaction draws its change_seq when it writes and may commit after a later one: a client
     * whose cursor passed the later change must still get the earlier one, not skip it.
     */
    @Test
    void aChangeThatCommitsAfterALaterOneIsServedOnceItCommitsNotSkipped() throws SQLException {
        String commune = OrgUnitEventsFixture.knownCommune();
        String late = as("unit-officer", commune).contentType(ContentType.JSON).body(Fixtures.smallGroup(commune))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        JsonPath start = changes(commune, null);
        assertEquals(List.of(late), start.getList("items.id"));

        List<String> seen = new ArrayList<>();
        String cursor;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement correct = slow.prepareStatement("update activity set revision = revision + 1, "
                    + "change_reason = 'late', change_seq = nextval('activity_change_seq') where id = ?::uuid")) {
                correct.setString(1, late);
                assertEquals(1, correct.executeUpdate());
            }
            String quick = as("unit-officer", commune).contentType(ContentType.JSON).body(Fixtures.smallGroup(commune))
                    .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
            JsonPath whileOpen = changes(commune, start.getString("nextCursor"));
            assertEquals(List.of(), whileOpen.getList("items.id"), "held back behind the open transaction");
            cursor = whileOpen.getString("nextCursor");
            slow.commit();
            seen.add(late + "@2");
            seen.add(quick + "@1");
        }
        JsonPath afterCommit = changes(commune, cursor);
        List<String> served = new ArrayList<>();
        for (int i = 0; i < afterCommit.getList("items").size(); i++) {
            served.add(afterCommit.getString("items[" + i + "].id") + "@" + afterCommit.getInt("items[" + i + "].revision"));
        }
        assertEquals(seen, served);
        assertEquals(2, changes(commune, "c0").getList("items").size(), "a cursor of change_seq alone still reads");
    }

    private static JsonPath changes(String commune, String cursor) {
        var request = as("unit-officer", commune).queryParam("limit", 100);
        if (cursor != null) {
            request.queryParam("updatedSince", cursor);
        }
        return request.when().get("/api/v1/activities/changes").then().statusCode(200).extract().jsonPath();
    }
}
