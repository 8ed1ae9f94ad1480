package vn.commops.activity.assignment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

/**
 * An activity reported against an assignment must match it (unit subtree, form, period), checked from the
 * replica of plan-service's assignments, on a single POST, a correction and a batch record alike.
 */
@QuarkusTest
class ActivityAgainstAssignmentTest {

    @Inject
    EntityManager entityManager;

    private String province;
    private String commune;
    private String elsewhere;
    private String assignment;

    @BeforeEach
    void anAssignmentOfTheProvince() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
        elsewhere = OrgUnitEventsFixture.knownProvinceAndCommune()[1];
        assignment = UUID.randomUUID().toString();
        publish(assignment, province, "SMALL_GROUP", "2024-05-13", "2024-05-19");
        awaitReplicated(assignment, "2024-05-19");
    }

    /** An assignment event as plan-service publishes it: the whole assignment, keyed by its id. */
    private static void publish(String id, String unit, String form, String start, String due) {
        TopicProbe.send("assignments", id, Envelopes.envelope(UUID.randomUUID(), "assignment.created", "plan-service", id,
                Envelopes.data().put("assignmentId", id).put("orgUnitCode", unit).put("form", form)
                        .put("quantity", 10).put("startDate", start).put("dueDate", due).put("budgetVnd", 0)
                        .put("status", "OPEN").put("doneQuantity", 0).put("progressStatus", "NOT_STARTED")));
    }

    private void awaitReplicated(String id, String due) {
        await().atMost(Duration.ofSeconds(20)).until(() -> due.equals(QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("select cast(due_date as text) from assignment_replica "
                    + "where id = cast(:id as uuid)").setParameter("id", id).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        })));
    }

    private Map<String, Object> session(String unit, String day) {
        Map<String, Object> body = Fixtures.smallGroup(unit);
        body.put("startedAt", day + "T08:00:00+07:00");
        body.remove("endedAt");
        body.put("assignmentId", assignment);
        return body;
    }

    @Test
    void aMatchingActivityIsRecordedAndEachMismatchIsRefusedNamingItsField() {
        asNationalAdmin().contentType(ContentType.JSON).body(session(commune, "2024-05-13")).when()
                .post("/api/v1/activities").then().statusCode(201).body("assignmentId", equalTo(assignment));
        asNationalAdmin().contentType(ContentType.JSON).body(session(province, "2024-05-19")).when()
                .post("/api/v1/activities").then().statusCode(201);

        asNationalAdmin().contentType(ContentType.JSON).body(session(elsewhere, "2024-05-14")).when()
                .post("/api/v1/activities").then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("activity-outside-assignment"))
                .body("errors.field", contains("orgUnitCode"))
                .body("errors[0].message", containsString(province));
        Map<String, Object> banner = session(commune, "2024-05-14");
        banner.put("form", "BANNER");
        banner.put("quantity", 3);
        asNationalAdmin().contentType(ContentType.JSON).body(banner).when().post("/api/v1/activities")
                .then().statusCode(422).body("errors.field", contains("form"))
                .body("errors[0].message", containsString("SMALL_GROUP"));
        asNationalAdmin().contentType(ContentType.JSON).body(session(commune, "2024-05-20")).when()
                .post("/api/v1/activities").then().statusCode(422).body("errors.field", contains("startedAt"))
                .body("errors[0].message", containsString("2024-05-13 to 2024-05-19"));
        asNationalAdmin().contentType(ContentType.JSON).body(session(commune, "2024-05-12")).when()
                .post("/api/v1/activities").then().statusCode(422).body("errors.field", contains("startedAt"));
        // Every mismatch at once, each named.
        Map<String, Object> allWrong = session(elsewhere, "2024-06-01");
        allWrong.put("form", "BANNER");
        allWrong.put("quantity", 3);
        asNationalAdmin().contentType(ContentType.JSON).body(allWrong).when().post("/api/v1/activities")
                .then().statusCode(422).body("errors.field", containsInAnyOrder("form", "orgUnitCode", "startedAt"));
    }

    @Test
    void anUnknownAssignmentIsRefusedUntilItsEventArrives() {
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> body = session(commune, "2024-05-14");
        body.put("assignmentId", unknown);
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(422).body("type", containsString("unknown-assignment"))
                .body("errors.field", contains("assignmentId"))
                .body("errors[0].message", containsString("retry"));

        publish(unknown, commune, null, "2024-05-01", "2024-05-31");
        awaitReplicated(unknown, "2024-05-31");
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(201);
        // A later event of the assignment (its due date moved) is what the next check sees.
        publish(unknown, commune, null, "2024-05-01", "2024-06-15");
        awaitReplicated(unknown, "2024-06-15");
        Map<String, Object> june = session(commune, "2024-06-10");
        june.put("assignmentId", unknown);
        asNationalAdmin().contentType(ContentType.JSON).body(june).when().post("/api/v1/activities")
                .then().statusCode(201);
    }

    @Test
    void aCorrectionMustStillMatchAndARefusedOneChangesNothing() {
        String id = asNationalAdmin().contentType(ContentType.JSON).body(session(commune, "2024-05-15")).when()
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
        as("unit-officer", commune).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(session(commune, "2024-05-25")).when().put("/api/v1/activities/" + id)
                .then().statusCode(422).body("errors.field", contains("startedAt"));
        asNationalAdmin().when().get("/api/v1/activities/" + id).then().statusCode(200)
                .body("revision", equalTo(1)).body("startedAt", containsString("2024-05-15"));
        as("unit-officer", commune).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(session(commune, "2024-05-16")).when().put("/api/v1/activities/" + id)
                .then().statusCode(200).body("revision", equalTo(2));
    }

    @Test
    void aBatchRefusesEachMismatchingRecordOnItsOwnAndNeverHalfAppliesOne() {
        Map<String, Object> good = session(commune, "2024-05-14");
        good.put("externalId", "A-" + UUID.randomUUID());
        Map<String, Object> outside = session(elsewhere, "2024-05-14");
        outside.put("externalId", "B-" + UUID.randomUUID());
        Map<String, Object> late = session(commune, "2024-05-31");
        late.put("externalId", "C-" + UUID.randomUUID());
        Map<String, Object> unknown = session(commune, "2024-05-14");
        unknown.put("assignmentId", UUID.randomUUID().toString());
        unknown.put("externalId", "D-" + UUID.randomUUID());

        asNationalAdmin().contentType(ContentType.JSON).queryParam("mode", "all-or-nothing")
                .body(List.of(good, outside)).when().post("/api/v1/activities/batches")
                .then().statusCode(422).body("applied", equalTo(false))
                .body("results[1].outcome", equalTo("REJECTED"))
                .body("results[1].problem", equalTo("activity-outside-assignment"));
        assertEquals(0L, stored(List.of((String) good.get("externalId"))));

        asNationalAdmin().contentType(ContentType.JSON).queryParam("mode", "per-record")
                .body(List.of(good, outside, late, unknown)).when().post("/api/v1/activities/batches")
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(3))
                .body("results[0].outcome", equalTo("CREATED"))
                .body("results[1].errors.field", contains("orgUnitCode"))
                .body("results[2].errors.field", contains("startedAt"))
                .body("results[3].problem", equalTo("unknown-assignment"))
                .body("results[3].errors.field", contains("assignmentId"));
        assertEquals(1L, stored(List.of((String) good.get("externalId"), (String) outside.get("externalId"),
                (String) late.get("externalId"), (String) unknown.get("externalId"))));
    }

    @Test
    void theEventSaysWhetherACostWasReported() {
        String costed = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("orgUnitCode", commune, "form", "SMALL_GROUP", "title", "Nhóm nhỏ có chi phí",
                        "startedAt", "2024-05-14T08:00:00+07:00", "attendance", 20, "costVnd", 0))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        String uncosted = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("orgUnitCode", commune, "form", "SMALL_GROUP", "title", "Nhóm nhỏ chưa báo chi phí",
                        "startedAt", "2024-05-14T08:00:00+07:00", "attendance", 20))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");

        JsonNode free = TopicProbe.awaitEvent("activities", "activity.recorded", costed).value().path("data");
        assertTrue(free.path("costReported").asBoolean(), "a cost of 0 reported is a cost");
        assertEquals(0, free.path("costVnd").asLong());
        JsonNode unknown = TopicProbe.awaitEvent("activities", "activity.recorded", uncosted).value().path("data");
        assertFalse(unknown.path("costReported").asBoolean(true));
        assertEquals(0, unknown.path("costVnd").asLong(), "costVnd stays 0 for consumers that do not read the flag");
    }

    private long stored(List<String> externalIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from activity where external_id = any(cast(:ids as text[]))")
                .setParameter("ids", externalIds.toArray(String[]::new)).getSingleResult()).longValue());
    }
}
