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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** The delta feed an offline mobile client syncs from. */
@QuarkusTest
class ChangeFeedTest {

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
}
