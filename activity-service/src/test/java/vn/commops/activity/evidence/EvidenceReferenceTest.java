package vn.commops.activity.evidence;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asPartner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.OutboxContents;
import vn.commops.common.testing.PhotoFixtures;

/** Batch records that name a file uploaded ahead of them by its sha256, instead of carrying a link. */
@QuarkusTest
class EvidenceReferenceTest {

    @Inject
    DataSource dataSource;

    private String province;
    private String commune;
    private String partner;

    @BeforeEach
    void units() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
        partner = Fixtures.partner("evidence-by-hash", List.of(province));
    }

    private String upload(byte[] photo) {
        return asPartner(partner, province).contentType("image/jpeg").body(photo).when().post("/api/v1/evidence-files")
                .then().statusCode(201).extract().path("sha256");
    }

    /** A small group at Hồ Phai (22.2385, 104.1421), 2024-05-13 08:00–10:30, with these evidence items. */
    private Map<String, Object> record(String externalId, List<Map<String, Object>> evidence) {
        Map<String, Object> record = Fixtures.smallGroup(commune);
        record.put("latitude", 22.2385);
        record.put("longitude", 104.1421);
        record.put("externalId", externalId);
        record.put("evidence", evidence);
        return record;
    }

    private JsonPath batch(List<Map<String, Object>> records) {
        return asPartner(partner, province).contentType(ContentType.JSON).body(records)
                .when().post("/api/v1/activities/batches").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRecordNamingAnUploadedPhotoByItsHashHasItAttachedWithItsExifChecked() throws SQLException {
        byte[] photo = PhotoFixtures.jpegWithExif(640, 480, "2024:05:13 09:15:00", "+07:00", 22.2501, 104.1502);
        String sha256 = upload(photo);
        String unknown = PhotoFixtures.sha256("never uploaded".getBytes());

        JsonPath report = batch(List.of(
                record("REF-" + sha256.substring(0, 8), List.of(Map.of("sha256", sha256))),
                record("UNKNOWN-" + sha256.substring(0, 8), List.of(Map.of("sha256", unknown))),
                record("NOTHING-" + sha256.substring(0, 8), List.of(Map.of("capturedAt", "2024-05-13T09:00:00+07:00")))));
        assertEquals(List.of("CREATED", "REJECTED", "REJECTED"), report.getList("results.outcome"));
        assertEquals("unknown-evidence-file", report.getString("results[1].problem"));
        assertEquals("evidence[0].sha256", report.getString("results[1].errors[0].field"));
        assertEquals("invalid-activity", report.getString("results[2].problem"));
        assertEquals("evidence[0].url", report.getString("results[2].errors[0].field"));
        String activity = report.getString("results[0].id");

        String content = "/api/v1/activities/" + activity + "/evidence-files/" + sha256 + "/content";
        as("viewer").when().get("/api/v1/activities/" + activity).then().statusCode(200)
                .body("evidence", hasSize(1))
                .body("evidence[0].sha256", equalTo(sha256))
                .body("evidence[0].url", endsWith(content));
        as("viewer").when().get("/api/v1/activities/" + activity + "/evidence-files").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].sha256", equalTo(sha256))
                .body("[0].uploadedBy", equalTo(partner))
                .body("[0].capturedAt", equalTo("2024-05-13T02:15:00Z"))
                .body("[0].findings.timeMatches", is(true))
                .body("[0].findings.positionMatches", is(true));
        byte[] served = as("viewer").when().get(content).then().statusCode(200).extract().asByteArray();
        assertEquals(sha256, PhotoFixtures.sha256(served));
        assertEquals(1, attachments(activity));
        assertEquals(1, attachedEvents(activity));
    }

    @Test
    void aReplayByHashOrByTheLinkItWasGivenIsUnchangedAndAttachesNothingMore() throws SQLException {
        String sha256 = upload(PhotoFixtures.jpegWithExif(320, 240, "2024:05:13 08:30:00", "+07:00", 22.2385, 104.1421));
        String externalId = "REPLAY-" + sha256.substring(0, 8);
        List<Map<String, Object>> byHash = List.of(Map.of("sha256", sha256));
        String activity = batch(List.of(record(externalId, byHash))).getString("results[0].id");
        String link = as("viewer").when().get("/api/v1/activities/" + activity).then().extract().path("evidence[0].url");

        assertEquals("UNCHANGED", batch(List.of(record(externalId, byHash))).getString("results[0].outcome"));
        Map<String, Object> asRead = new HashMap<>(Map.of("url", link, "sha256", sha256));
        assertEquals("UNCHANGED", batch(List.of(record(externalId, List.of(asRead)))).getString("results[0].outcome"));
        as("viewer").when().get("/api/v1/activities/" + activity).then().body("revision", equalTo(1))
                .body("evidence", hasSize(1));
        assertEquals(1, attachments(activity));
        assertEquals(1, attachedEvents(activity));
    }

    @Test
    void aCsvImportNamesFilesByTheEvidenceSha256Column() throws SQLException {
        String first = upload(PhotoFixtures.jpegWithExif(200, 150, "2024:05:13 09:00:00", "+07:00", 22.2385, 104.1421));
        String second = upload(PhotoFixtures.jpegWithExif(210, 150, "2024:05:13 09:05:00", "+07:00", 22.2385, 104.1421));
        List<String> lines = new ArrayList<>(List.of("externalId,orgUnitCode,form,title,startedAt,endedAt,attendance,"
                + "evidenceSha256"));
        for (String sha256 : List.of(first, second)) {
            lines.add("CSV-" + sha256.substring(0, 8) + "," + commune + ",SMALL_GROUP,Nhóm nhỏ thôn Hồ Phai,"
                    + "2024-05-13T08:00:00+07:00,2024-05-13T10:30:00+07:00,35," + sha256);
        }
        JsonPath report = asPartner(partner, province).contentType("text/csv").body(String.join("\n", lines))
                .when().post("/api/v1/activities/batches").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CREATED", "CREATED"), report.getList("results.outcome"));
        for (int i = 0; i < 2; i++) {
            String activity = report.getString("results[" + i + "].id");
            as("viewer").when().get("/api/v1/activities/" + activity + "/evidence-files").then()
                    .body("sha256", equalTo(List.of(i == 0 ? first : second)));
            assertEquals(1, attachments(activity));
        }
    }

    @Test
    void aSinglePostMayNameAnUploadedFileToo() {
        String sha256 = upload(PhotoFixtures.jpegWithExif(100, 80, "2024:05:13 09:10:00", "+07:00", 22.2385, 104.1421));
        Map<String, Object> body = record("SINGLE-" + sha256.substring(0, 8), List.of(Map.of("sha256", sha256)));
        String activity = asPartner(partner, province).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities").then().statusCode(201)
                .body("evidence[0].url", endsWith("/evidence-files/" + sha256 + "/content")).extract().path("id");
        as("viewer").when().get("/api/v1/activities/" + activity + "/evidence-files").then().body("", hasSize(1));

        body.put("externalId", "SINGLE-UNKNOWN-" + sha256.substring(0, 8));
        body.put("evidence", List.of(Map.of("sha256", "0".repeat(64))));
        asPartner(partner, province).contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:unknown-evidence-file"))
                .body("errors[0].field", equalTo("evidence[0].sha256"));
    }

    private long attachments(String activity) throws SQLException {
        return count("select count(*) from activity_evidence_file where activity_id = ?::uuid", activity);
    }

    private long attachedEvents(String activity) {
        return OutboxContents.events(dataSource, event -> activity.equals(event.key())
                && EvidenceEvents.ATTACHED.equals(event.envelope().path("type").asText())
                && activity.equals(event.envelope().path("data").path("activityId").asText())).size();
    }

    private long count(String sql, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
