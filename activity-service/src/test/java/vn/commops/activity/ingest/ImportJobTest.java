package vn.commops.activity.ingest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Uploads larger than a batch run as jobs: progress, per-record results as NDJSON and CSV, idempotent replays. */
@QuarkusTest
class ImportJobTest {

    @Inject
    EntityManager entityManager;

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
        String[] rows = csv.split("\r\n");
        assertEquals("\uFEFFindex,outcome,id,externalId,clientId,revision,problem,errors", rows[0]);
        assertTrue(rows[25_000].startsWith("24999,REJECTED,"), rows[25_000]);

        JsonPath replay = awaitDone(submit(body, "per-record"));
        assertEquals(24_998, replay.getInt("unchanged"));
        assertEquals(0, replay.getInt("created"));
        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities")
                .then().body("totalItems", equalTo(24_998));
    }

    @Test
    void aPartnersFormulaInItsResultsIsShownAsTextInTheCsv() {
        String formula = "=HYPERLINK(\\\"http://evil.example\\\",\\\"ok\\\")";
        String body = upload(1).replace("\"externalId\":\"imp-0\"", "\"externalId\":\"" + formula + "\"");
        String id = submit(body, "per-record");
        assertEquals(1, awaitDone(id).getInt("created"));

        String csv = asNationalAdmin().accept("text/csv").when().get("/api/v1/imports/" + id + "/results")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.split("\r\n")[1].contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"ok\"\")\","),
                csv);
    }

    @Test
    void anAllOrNothingImportWithABadRecordStoresNothing() {
        JsonPath job = awaitDone(submit(upload(12_000, 11_500), "all-or-nothing"));
        assertEquals(false, job.getBoolean("applied"));
        assertEquals(1, job.getInt("rejected"));
        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities")
                .then().body("totalItems", equalTo(0));
    }

    /**
     * An instance that stops mid-job (crash, kill, redeploy) leaves it RUNNING: once its lease has
     * run out another poll takes it over and resumes after its last recorded chunk, while a job
     * whose runner still renews its lease is left alone.
     */
    @Test
    void aJobLeftRunningByAStoppedInstanceIsTakenOverAndResumedAfterItsLastRecordedChunk() {
        String template = submit(upload(1), "dry-run");
        awaitDone(template);
        byte[] body = upload(25_000).getBytes(StandardCharsets.UTF_8);
        UUID stopped = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : List.of(stopped, alive)) {
                // as left after its first chunk of 10,000, by a runner last heard of an hour ago or just now
                entityManager.createNativeQuery("""
                        insert into import_job (id, owner, reporter, format, mode, status, upload, total, processed,
                                                created, submitted_at, started_at, heartbeat_at)
                        select :id, owner, reporter, format, 'PER_RECORD', 'RUNNING', :upload, 25000, 10000, 10000,
                               now() - interval '1 hour', now() - interval '1 hour',
                               now() - case when :stopped then interval '1 hour' else interval '0' end
                        from import_job where id = :template""")
                        .setParameter("id", id).setParameter("upload", body).setParameter("stopped", id == stopped)
                        .setParameter("template", UUID.fromString(template)).executeUpdate();
                entityManager.createNativeQuery("insert into import_job_result (job_id, chunk, results) values (:id, 0, '')")
                        .setParameter("id", id).executeUpdate();
            }
        });

        JsonPath job = awaitDone(stopped.toString());
        assertEquals(25_000, job.getInt("processed"));
        assertEquals(25_000, job.getInt("created"));
        // chunk 0 was recorded as done, so only chunks 1 and 2 were written: resumed, not started over
        asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/activities")
                .then().body("totalItems", equalTo(15_000));
        assertEquals(3, chunksRecorded(stopped));

        JsonPath untouched = asNationalAdmin().when().get("/api/v1/imports/" + alive).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("RUNNING", untouched.getString("status"));
        assertEquals(10_000, untouched.getInt("processed"));
        assertEquals(1, chunksRecorded(alive));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update import_job set status = 'FAILED', failure = 'test over' where id = :id")
                .setParameter("id", alive).executeUpdate());
    }

    private long chunksRecorded(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from import_job_result where job_id = :id").setParameter("id", job)
                .getSingleResult()).longValue());
    }

    @Test
    void someoneElsesJobIsNotFound() {
        String id = submit(upload(2), "dry-run");
        as("unit-officer", commune).when().get("/api/v1/imports/" + id).then().statusCode(404);
    }
}
