package vn.commops.activity.ingest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.OutboxContents;

/** Batches of activities: per-record and all-or-nothing, replays, conflicts, corrections, NDJSON and CSV. */
@QuarkusTest
class BatchIngestionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    private String province;
    private String commune;

    @BeforeEach
    void units() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
    }

    private List<Map<String, Object>> batch(int size, String prefix) {
        List<Map<String, Object>> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Map<String, Object> record = Fixtures.smallGroup(commune);
            record.put("externalId", prefix + "-" + i);
            record.put("attendance", 10 + i % 40);
            record.put("newHealthInsurance", i % 3);
            records.add(record);
        }
        return records;
    }

    private long stored(String unit) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from activity where org_unit_code = :unit")
                .setParameter("unit", unit).getSingleResult()).longValue());
    }

    private long outboxed(String unit) {
        return OutboxContents.countForUnit(dataSource, unit);
    }

    private static ValidatableResponse post(List<Map<String, Object>> records, String mode) {
        return asNationalAdmin().contentType(ContentType.JSON).body(records).queryParam("mode", mode)
                .queryParam("report", "failures").when().post("/api/v1/activities/batches").then();
    }

    private List<Map<String, Object>> withThreeBadRecords(String prefix) {
        List<Map<String, Object>> records = batch(10_000, prefix);
        records.get(17).remove("attendance");                 // a small group needs its attendance
        records.get(4242).put("orgUnitCode", "NOWHERE");       // unknown unit
        records.get(9999).put("endedAt", "2024-05-12T08:00:00+07:00"); // ends before it starts
        records.get(9999).put("attendance", -1);
        return records;
    }

    @Test
    void perRecordStoresTheGoodRecordsAndNamesTheBadOnesWithTheirFields() {
        post(withThreeBadRecords("pr"), "per-record")
                .statusCode(200)
                .body("applied", equalTo(true))
                .body("created", equalTo(9997))
                .body("rejected", equalTo(3))
                .body("results.index", contains(17, 4242, 9999))
                .body("results[0].errors.field", contains("attendance"))
                .body("results[1].errors.field", contains("orgUnitCode"))
                .body("results[2].errors.field", contains("attendance", "endedAt"));
        assertEquals(9997, stored(commune));
        assertEquals(9997, outboxed(commune));
    }

    @Test
    void allOrNothingStoresNoneWhenOneRecordFails() {
        post(withThreeBadRecords("aon"), "all-or-nothing")
                .statusCode(422)
                .body("applied", equalTo(false))
                .body("rejected", equalTo(3))
                .body("results.index", contains(17, 4242, 9999));
        assertEquals(0, stored(commune));
        assertEquals(0, outboxed(commune));
    }

    @Test
    void aLargeBatchWhoseMiddleWasStoredBeforeIsClassifiedAgainstWhatIsStored() {
        List<Map<String, Object>> earlier = batch(60, "mid");
        post(earlier.subList(20, 22), "per-record").statusCode(200).body("created", equalTo(2));

        // First and last records are new, so the batch is first tried as all new; the unique keys
        // refuse records 20 and 21, and it is classified again against a lookup.
        earlier.get(21).put("attendance", 77);
        post(earlier, "per-record").statusCode(200)
                .body("created", equalTo(58)).body("unchanged", equalTo(1)).body("conflicts", equalTo(1))
                .body("results.index", contains(21));
        assertEquals(60, stored(commune));
        assertEquals(60, outboxed(commune));

        earlier.get(21).put("attendance", 10 + 21 % 40);
        post(earlier, "per-record").statusCode(200).body("unchanged", equalTo(60)).body("created", equalTo(0));
        assertEquals(60, stored(commune));
        assertEquals(60, outboxed(commune), "a replay emitted events");
    }

    @Test
    void aDryRunReportsWithoutWriting() {
        post(batch(5, "dry"), "dry-run").statusCode(200).body("applied", equalTo(false)).body("created", equalTo(5));
        assertEquals(0, stored(commune));
    }

    @Test
    void aReplayChangesNothingAndADifferentRecordUnderTheSameIdConflictsUnlessACorrection() {
        List<Map<String, Object>> records = batch(3, "re");
        post(records, "per-record").statusCode(200).body("created", equalTo(3));
        long events = outboxed(commune);

        post(records, "per-record").statusCode(200).body("unchanged", equalTo(3)).body("created", equalTo(0));
        assertEquals(events, outboxed(commune), "a replay emitted events");

        records.get(1).put("attendance", 99);
        post(records, "per-record").statusCode(200).body("unchanged", equalTo(2)).body("conflicts", equalTo(1))
                .body("results[0].index", equalTo(1)).body("results[0].errors.field", contains("externalId"));

        records.get(1).put("correction", true);
        String id = asNationalAdmin().contentType(ContentType.JSON).body(records).when()
                .post("/api/v1/activities/batches").then().statusCode(200)
                .body("corrected", equalTo(1)).body("results[1].outcome", equalTo("CORRECTED"))
                .body("results[1].revision", equalTo(2))
                .extract().path("results[1].id");
        JsonNode envelope = vn.commops.common.testing.TopicProbe.awaitEvent(
                "activities", "activity.corrected", id).value();
        assertEquals("activity-service", envelope.path("source").asText());
        assertEquals(1, envelope.path("schemaVersion").asInt());
        assertEquals(36, envelope.path("id").asText().length());
        assertEquals(id, envelope.path("data").path("activityId").asText());
        assertEquals(99, envelope.path("data").path("attendance").asInt());
        OffsetDateTime.parse(envelope.path("time").asText());
        asNationalAdmin().when().get("/api/v1/activities/" + id).then().body("attendance", equalTo(99))
                .body("revision", equalTo(2)).body("lastChange", equalTo("CORRECTED"));
        asNationalAdmin().when().get("/api/v1/activities/" + id + "/revisions").then().statusCode(200)
                .body("revision", contains(1, 2)).body("activity.attendance", contains(11, 99));
        assertEquals(3, stored(commune));
    }

    @Test
    void ndjsonIsReadLineByLineAndAnUnreadableLineIsNamed() throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map<String, Object> record : batch(3, "nd")) {
            body.append(JSON.writeValueAsString(record)).append('\n');
        }
        body.append("{\"orgUnitCode\":\"").append(commune).append("\",\"form\":\"TELEPATHY\",\"title\":\"x\"}\n");
        asNationalAdmin().contentType("application/x-ndjson; charset=UTF-8")
                .body(body.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/activities/batches").then().statusCode(200)
                .body("created", equalTo(3)).body("rejected", equalTo(1))
                .body("results[3].errors.field", contains("form", "startedAt"));
    }

    /**
     * A batch of the largest size, 10,000 records of about 1.2 KB: the body reaches the resource in
     * hundreds of chunks, and its last record still counts.
     */
    @Test
    void aLargeUploadIsReadToItsLastRecord() throws Exception {
        String words = "Tuyên truyền chính sách bảo hiểm xã hội tự nguyện cho hội viên nông dân thôn Hồ Phai ";
        String title = words.repeat(4).substring(0, 300);
        String place = ("Nhà văn hoá " + words.repeat(4)).substring(0, 300);
        String link = "https://baolaocai.vn/" + "bhxh-tu-nguyen-".repeat(20);
        List<Map<String, Object>> records = batch(10_000, "big");
        for (Map<String, Object> record : records) {
            record.put("title", title);
            record.put("place", place);
            record.put("link", link);
        }
        records.get(9_999).put("attendance", -1);
        StringBuilder body = new StringBuilder();
        for (Map<String, Object> record : records) {
            body.append(JSON.writeValueAsString(record)).append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 10 * 1024 * 1024, "the body must be over 10 MB: " + bytes.length);
        asNationalAdmin().contentType("application/x-ndjson; charset=UTF-8").body(bytes).queryParam("mode", "dry-run")
                .queryParam("report", "failures").when().post("/api/v1/activities/batches").then().statusCode(200)
                .body("total", equalTo(10_000)).body("created", equalTo(9_999)).body("rejected", equalTo(1))
                .body("results[0].index", equalTo(9_999)).body("results[0].errors.field", contains("attendance"));
    }

    @Test
    void csvRowsUseTheFieldNamesAsColumns() {
        String csv = "externalId,orgUnitCode,form,title,startedAt,attendance,newSocialInsurance,place\n"
                + "c-1," + commune + ",SMALL_GROUP,\"Nhóm nhỏ, thôn Hồ Phai\",2024-05-13T08:00:00+07:00,35,4,\"Nhà văn hoá \"\"Hồ Phai\"\"\"\n"
                + "c-2," + commune + ",LIVESTREAM,Livestream,2024-05-22T20:00:00+07:00,,,\n";
        asNationalAdmin().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/activities/batches").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("results[1].errors.field", containsInAnyOrder("interactions", "plays"));
        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities").then()
                .body("items[0].title", equalTo("Nhóm nhỏ, thôn Hồ Phai"))
                .body("items[0].place", equalTo("Nhà văn hoá \"Hồ Phai\""))
                .body("items[0].newSocialInsurance", equalTo(4));
    }

    @Test
    void aPartnerOutsideItsGrantsIsRefusedForTheWholeBatchAndNothingIsStored() {
        String[] other = OrgUnitEventsFixture.knownProvinceAndCommune();
        String partner = Fixtures.partner("post-office", List.of(province), "SMALL_GROUP");
        List<Map<String, Object>> records = batch(3, "pt");
        records.get(2).put("orgUnitCode", other[1]);
        asPartner(partner, province, other[0]).contentType(ContentType.JSON).body(records)
                .when().post("/api/v1/activities/batches").then().statusCode(403)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("[2].orgUnitCode"));
        assertEquals(0, stored(commune));
        assertEquals(0, stored(other[1]));
    }
}
