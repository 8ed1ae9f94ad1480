package vn.commops.activity.breakdown;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.OutboxContents;
import vn.commops.common.testing.TopicProbe;

/**
 * Who was reached: breakdowns add up to their totals (sex and age exactly, target groups at most), name only
 * the campaign's target groups, and are accepted alike from a single POST, a JSON batch and CSV columns.
 */
@QuarkusTest
class BreakdownsTest {

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    private String commune;

    @BeforeEach
    void unit() {
        commune = OrgUnitEventsFixture.knownProvinceAndCommune()[1];
    }

    private Map<String, Object> session(int attendance, Map<String, Object> breakdowns) {
        Map<String, Object> body = Fixtures.smallGroup(commune);
        body.put("attendance", attendance);
        body.put("breakdowns", breakdowns);
        body.put("externalId", "bd-" + UUID.randomUUID());
        return body;
    }

    @Test
    void aBreakdownThatAddsUpIsStoredShownAndCarriedInTheEvent() {
        Map<String, Object> breakdowns = Map.of("attendance", Map.of("sex", Map.of("FEMALE", 30, "MALE", 38),
                "age", Map.of("15_24", 40, "25_34", 28), "group", Map.of("STUDENTS", 40, "EMPLOYEES", 20)));
        String id = asNationalAdmin().contentType(ContentType.JSON).body(session(68, breakdowns)).when()
                .post("/api/v1/activities").then().statusCode(201)
                .body("breakdowns.attendance.group.STUDENTS", equalTo(40)).extract().path("id");
        asNationalAdmin().when().get("/api/v1/activities/" + id).then().statusCode(200)
                .body("breakdowns.attendance.sex.FEMALE", equalTo(30))
                .body("breakdowns.newSocialInsurance", nullValue());
        List<OutboxContents.Stored> events = OutboxContents.events(dataSource, e -> id.equals(e.key()));
        JsonNode data = events.get(events.size() - 1).envelope().path("data");
        assertEquals(40, data.path("breakdowns").path("attendance").path("group").path("STUDENTS").asInt());
        assertEquals(38, data.path("breakdowns").path("attendance").path("sex").path("MALE").asInt());
    }

    @Test
    void aSexSplitThatDoesNotAddUpIsRefusedNamingTheField() {
        asNationalAdmin().contentType(ContentType.JSON)
                .body(session(35, Map.of("attendance", Map.of("sex", Map.of("FEMALE", 20, "MALE", 10))))).when()
                .post("/api/v1/activities").then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("invalid-breakdown"))
                .body("errors.field", contains("breakdowns.attendance.sex"));
    }

    @Test
    void aSplitWithoutItsTotalOrWithAnUnknownCategoryIsRefused() {
        Map<String, Object> body = session(35, Map.of("newSocialInsurance", Map.of("sex", Map.of("FEMALE", 2)),
                "attendance", Map.of("age", Map.of("15_24", 30, "OLD", 5))));
        asNationalAdmin().contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/activities").then().statusCode(422)
                .body("errors.field", hasItem("breakdowns.newSocialInsurance"))
                .body("errors.field", hasItem("breakdowns.attendance.age.OLD"));
    }

    @Test
    void aBatchRefusesEachRecordWhoseBreakdownDoesNotAddUpAndStoresTheOthers() {
        List<Map<String, Object>> records = List.of(
                session(10, Map.of("attendance", Map.of("sex", Map.of("FEMALE", 4, "MALE", 6)))),
                session(10, Map.of("attendance", Map.of("age", Map.of("UNDER_15", 3, "60_PLUS", 3)))),
                session(10, Map.of("attendance", Map.of("group", Map.of("STUDENTS", 11)))));
        asNationalAdmin().contentType(ContentType.JSON).body(records).when().post("/api/v1/activities/batches")
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(2))
                .body("results[1].problem", equalTo("invalid-breakdown"))
                .body("results[1].errors.field", contains("breakdowns.attendance.age"))
                .body("results[2].errors.field", contains("breakdowns.attendance.group"));
    }

    @Test
    void aTargetGroupOutsideTheCampaignsIsRefusedAndItsOwnAccepted() {
        String campaign = UUID.randomUUID().toString();
        TopicProbe.send("campaigns", campaign, Envelopes.envelope(UUID.randomUUID(), "campaign.created",
                "plan-service", campaign, Envelopes.data().put("campaignId", campaign).put("theme", "Tháng 5")
                        .set("targetGroups", Envelopes.data().arrayNode().add("STUDENTS").add("FREELANCE_WORKERS"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !entityManager.createNativeQuery("select 1 from campaign_replica where id = cast(:id as uuid)")
                        .setParameter("id", campaign).getResultList().isEmpty()));

        Map<String, Object> outside = session(20, Map.of("attendance", Map.of("group", Map.of("EMPLOYERS", 5))));
        outside.put("campaignId", campaign);
        asNationalAdmin().contentType(ContentType.JSON).body(outside).when().post("/api/v1/activities").then()
                .statusCode(422).body("errors.field", contains("breakdowns.attendance.group.EMPLOYERS"));

        Map<String, Object> inside = session(20, Map.of("attendance", Map.of("group", Map.of("STUDENTS", 12,
                "FREELANCE_WORKERS", 5))));
        inside.put("campaignId", campaign);
        asNationalAdmin().contentType(ContentType.JSON).body(inside).when().post("/api/v1/activities").then()
                .statusCode(201);
    }

    @Test
    void aTargetGroupSplitOfACampaignNotKnownHereIsRefusedNamingTheCampaign() {
        Map<String, Object> body = session(20, Map.of("attendance", Map.of("group", Map.of("STUDENTS", 5))));
        body.put("campaignId", UUID.randomUUID().toString());
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities").then()
                .statusCode(422).body("type", containsString("unknown-campaign"))
                .body("errors.field", contains("campaignId"));
    }

    @Test
    void csvColumnsNameEachCountOfABreakdown() {
        String csv = "externalId,orgUnitCode,form,title,startedAt,attendance,attendance.sex.FEMALE,attendance.sex.MALE,"
                + "attendance.group.STUDENTS,newSocialInsurance,newSocialInsurance.group.FREELANCE_WORKERS\n"
                + "bd-csv-1," + commune + ",ADVISORY_BOOTH,Gian hàng tư vấn,2024-05-15T08:00:00+07:00,68,30,38,40,4,3\n"
                + "bd-csv-2," + commune + ",ADVISORY_BOOTH,Gian hàng tư vấn,2024-05-16T08:00:00+07:00,68,30,30,,,\n";
        String body = asNationalAdmin().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/activities/batches").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("results[1].errors.field", contains("breakdowns.attendance.sex"))
                .extract().asString();
        String id = io.restassured.path.json.JsonPath.from(body).getString("results[0].id");
        asNationalAdmin().when().get("/api/v1/activities/" + id).then().statusCode(200)
                .body("breakdowns.attendance.group.STUDENTS", equalTo(40))
                .body("breakdowns.newSocialInsurance.group.FREELANCE_WORKERS", equalTo(3));
    }
}
