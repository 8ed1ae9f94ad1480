package vn.commops.activity.ingest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Uploads larger than a batch run as jobs: progress, per-record results as NDJSON and CSV, idempotent replays. */
@QuarkusTest
class ImportJobTest {

    private String commune;

    @BeforeEach
    void unit() {
        commune = OrgUnitEventsFixture.knownCommune();
    }

    private String upload(int size, int... bad) {
        StringBuilder body = new StringBuilder(size * 200);
        for (int i = 0; i < size; i++) {
            boolean broken = false;
            for (int b : bad) {
                broken |= b == i;
            }
            body.append("{\"externalId\":\"imp-").append(i).append("\",\"orgUnitCode\":\"").append(commune)
                    .append("\",\"form\":\"CONFERENCE\",\"title\":\"Hội nghị đối thoại chính sách\",")
                    .append("\"startedAt\":\"2024-05-20T08:00:00+07:00\"")
                    .append(broken ? "" : ",\"attendance\":" + (20 + i % 50)).append("}\n");
        }
        return body.toString();
    }

    private static String submit(String body, String mode) {
        return asNationalAdmin().contentType("application/x-ndjson; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8)).queryParam("mode", mode)
                .when().post("/api/v1/imports")
                .then().statusCode(202).header("Location", startsWith("http"))
                .body("status", equalTo("QUEUED")).extract().path("id");
    }

    private static JsonPath awaitDone(String id) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                "DONE".equals(asNationalAdmin().when().get("/api/v1/imports/" + id).then().extract().path("status")));
        return asNationalAdmin().when().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aLargeUploadIsImportedInChunksWithAResultPerRecordAndAReplayChangesNothing() {
        String body = upload(25_000, 7, 24_999);
        String id = submit(body, "per-record");

        JsonPath job = awaitDone(id);
        assertEquals(25_000, job.getInt("total"));
        assertEquals(25_000, job.getInt("processed"));
        assertEquals(100, job.getInt("percent"));
        assertEquals(24_998, job.getInt("created"));
        assertEquals(2, job.getInt("rejected"));

        String ndjson = asNationalAdmin().when().get("/api/v1/imports/" + id + "/results")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson")).extract().asString();
        String[] lines = ndjson.split("\n");
        assertEquals(25_000, lines.length);
        assertTrue(lines[7].contains("\"REJECTED\"") && lines[7].contains("\"attendance\""), lines[7]);
        assertTrue(lines[8].contains("\"CREATED\""), lines[8]);

        String csv = asNationalAdmin().accept("text/csv").when().get("/api/v1/imports/" + id + "/results")
                .then().statusCode(200).extract().asString();
        String[] rows = csv.split("\n");
        assertEquals("index,outcome,id,externalId,clientId,revision,problem,errors", rows[0]);
        assertTrue(rows[25_000].startsWith("24999,REJECTED,"), rows[25_000]);

        JsonPath replay = awaitDone(submit(body, "per-record"));
        assertEquals(24_998, replay.getInt("unchanged"));
        assertEquals(0, replay.getInt("created"));
        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities")
                .then().body("totalItems", equalTo(24_998));
    }

    @Test
    void anAllOrNothingImportWithABadRecordStoresNothing() {
        JsonPath job = awaitDone(submit(upload(12_000, 11_500), "all-or-nothing"));
        assertEquals(false, job.getBoolean("applied"));
        assertEquals(1, job.getInt("rejected"));
        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities")
                .then().body("totalItems", equalTo(0));
    }

    @Test
    void someoneElsesJobIsNotFound() {
        String id = submit(upload(2), "dry-run");
        as("unit-officer", commune).when().get("/api/v1/imports/" + id).then().statusCode(404);
    }
}
