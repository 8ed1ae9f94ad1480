package vn.commops.activity.verification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.activity.Fixtures.asManager;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** A reviewer's queue as a worklist file: what four eyes leave them, oldest first, with what evidence lacks. */
@QuarkusTest
class VerificationQueueExportTest {

    @Test
    void theQueueComesOutAsCsvAndXlsxWithoutWhatFourEyesKeepFromTheCaller() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String own = record(asManager("export-queue-manager", units[0]), Fixtures.withPhoto(Fixtures.smallGroup(units[1])));
        String bare = record(as("unit-officer", units[1]), Fixtures.smallGroup(units[1]));
        String photo = record(as("unit-officer", units[1]), Fixtures.withPhoto(Fixtures.smallGroup(units[1])));

        byte[] csv = asManager("export-queue-manager", units[0]).queryParam("orgUnit", units[0])
                .queryParam("format", "csv").when().get("/api/v1/verification-queue").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"verification-queue.csv\""))
                .extract().asByteArray();
        byte[] xlsx = asManager("export-queue-manager", units[0]).queryParam("orgUnit", units[0])
                .accept(ExportFormat.XLSX_MEDIA_TYPE).when().get("/api/v1/verification-queue").then().statusCode(200)
                .contentType(ExportFormat.XLSX_MEDIA_TYPE).extract().asByteArray();

        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(VerificationQueueExport.COLUMNS.stream().map(c -> c.header()).toList(), rows.get(0));
        assertEquals(rows, ExportFiles.xlsx(xlsx));
        int id = ExportFiles.column(rows, "activity.id");
        int meets = ExportFiles.column(rows, "meetsEvidenceRule");
        int missing = ExportFiles.column(rows, "evidenceMissing");
        assertEquals(List.of(List.of(bare, "false"), List.of(photo, "true")),
                rows.subList(1, rows.size()).stream().map(r -> List.of(r.get(id), r.get(meets))).toList(),
                "oldest first, not the caller's own report " + own);
        assertTrue(!rows.get(1).get(missing).isEmpty() && rows.get(2).get(missing).isEmpty(), "what the bare one lacks");
    }

    @Test
    void whatTheQueueRefusesIsRefusedForAFileAlikeAsAProblem() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String[] elsewhere = OrgUnitEventsFixture.knownProvinceAndCommune();
        asManager("export-queue-manager", units[0]).queryParam("orgUnit", elsewhere[0]).queryParam("format", "csv")
                .when().get("/api/v1/verification-queue").then().statusCode(403).contentType("application/problem+json");
        asManager("export-queue-manager", units[0]).queryParam("orgUnit", units[0])
                .queryParam("verificationStatus", "VERIFIED").accept("text/csv")
                .when().get("/api/v1/verification-queue").then().statusCode(400)
                .body("errors[0].field", equalTo("verificationStatus"));
        asManager("export-queue-manager", units[0]).queryParam("orgUnit", units[0]).queryParam("format", "ods")
                .when().get("/api/v1/verification-queue").then().statusCode(400).body("errors[0].field", equalTo("format"));
        as("viewer").queryParam("orgUnit", units[0]).queryParam("format", "csv")
                .when().get("/api/v1/verification-queue").then().statusCode(403);
    }

    private static String record(RequestSpecification reporter, Map<String, Object> body) {
        return reporter.contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(201).extract().path("id");
    }
}
