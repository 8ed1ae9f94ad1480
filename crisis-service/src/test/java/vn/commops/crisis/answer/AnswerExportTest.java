package vn.commops.crisis.answer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.crisis.Feedbacks;

/** The answers owed as a worklist file: the list's status and order, every answer. */
@QuarkusTest
class AnswerExportTest {

    /** Later than any deadline another test sets, so that this test's answers close the pending list. */
    private static final OffsetDateTime LATER = OffsetDateTime.of(2090, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void pendingAnswersComeOutAsCsvAndXlsxMostUrgentFirst() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String feedback = Feedbacks.submit(Feedbacks.item("HOTLINE", "Bao giờ tôi được chi trả chế độ ốm đau?", units[1]));
        String second = owe(units[0], feedback, LATER.plusDays(2));
        String first = owe(units[0], feedback, LATER.plusDays(1));

        byte[] csv = as("viewer").queryParam("format", "csv").when().get("/api/v1/feedback/answers").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"feedback-answers.csv\""))
                .extract().asByteArray();
        byte[] xlsx = as("viewer").accept(ExportFormat.XLSX_MEDIA_TYPE).when().get("/api/v1/feedback/answers").then()
                .statusCode(200).contentType(ExportFormat.XLSX_MEDIA_TYPE).extract().asByteArray();

        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(AnswerExport.columns(LATER).stream().map(c -> c.header()).toList(), rows.get(0));
        assertEquals(rows, ExportFiles.xlsx(xlsx), "versions as numbers read back alike");
        int id = ExportFiles.column(rows, "id");
        int status = ExportFiles.column(rows, "status");
        assertEquals(List.of(first, second), rows.subList(rows.size() - 2, rows.size()).stream().map(r -> r.get(id))
                .toList(), "by deadline, this test's the latest");
        assertTrue(rows.subList(1, rows.size()).stream().allMatch(r -> r.get(status).equals("PENDING")));

        List<List<String>> overdue = ExportFiles.csv(as("viewer").queryParam("status", "OVERDUE")
                .queryParam("format", "csv").when().get("/api/v1/feedback/answers").then().statusCode(200)
                .extract().asByteArray());
        assertTrue(overdue.stream().noneMatch(r -> r.get(id).equals(first)), "the status filter holds");
    }

    @Test
    void aStatusTheListRefusesIsRefusedForAFileAlikeAsAProblem() {
        int refused = as("viewer").queryParam("status", "LOST").when().get("/api/v1/feedback/answers").statusCode();
        assertTrue(refused >= 400 && refused < 500, "the JSON list refuses it: " + refused);
        as("viewer").queryParam("status", "LOST").queryParam("format", "csv").when().get("/api/v1/feedback/answers")
                .then().statusCode(refused);
        as("viewer").queryParam("format", "ods").when().get("/api/v1/feedback/answers").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/feedback/answers").then().statusCode(403);
    }

    private static String owe(String unit, String feedback, OffsetDateTime answerBy) {
        return as("unit-officer", unit).contentType(ContentType.JSON).body(Map.of("answerBy", answerBy.toString()))
                .when().post("/api/v1/feedback/" + feedback + "/answers").then().statusCode(201).extract().path("id");
    }
}
