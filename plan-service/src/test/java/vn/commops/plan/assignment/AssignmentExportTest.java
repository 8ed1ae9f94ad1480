package vn.commops.plan.assignment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.Column;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.XlsxCells;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** Assignments as staff follow them in a spreadsheet: every one of the filter, each with its progress. */
@QuarkusTest
class AssignmentExportTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final int BEYOND_ONE_PAGE = 51;

    @Test
    void aSubtreesAssignmentsComeOutWithTheirProgressInBothFormatsBeyondOnePage() {
        String[] tree = OrgUnitFixtures.tree();
        String[] otherTree = OrgUnitFixtures.tree();
        String tracked = AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[1], "SMALL_GROUP", 10,
                10_000_000, TODAY.toString(), TODAY.plusDays(29).toString(), Map.of("newHealthInsurance", 40L)));
        for (int i = 1; i < BEYOND_ONE_PAGE; i++) {
            AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[2], "BANNER", i, 1_000_000L * i,
                    TODAY.toString(), TODAY.plusDays(60).toString(), Map.of()));
        }
        AssignmentFixtures.create(AssignmentFixtures.assignment(null, otherTree[1], "BANNER", 1, 0,
                TODAY.toString(), TODAY.plusDays(60).toString(), Map.of()));
        UUID activity = UUID.randomUUID();
        TopicProbe.send("activities", activity.toString(),
                AssignmentFixtures.activity("activity.recorded", activity, 1, tracked, tree[1], 3, 12, false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asNationalAdmin()
                .when().get("/api/v1/assignments/" + tracked).then().body("progress.doneQuantity", equalTo(3)));

        byte[] csv = as("viewer").queryParam("subtreeOf", tree[0]).queryParam("format", "csv")
                .when().get("/api/v1/assignments").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"assignments.csv\""))
                .extract().asByteArray();
        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(AssignmentExport.columns(a -> null).stream().map(Column::header).toList(), rows.get(0));
        assertEquals(BEYOND_ONE_PAGE + 1, rows.size(), "every assignment of the subtree, none of the other tree");
        List<String> firstPage = as("viewer").queryParam("subtreeOf", tree[0]).when().get("/api/v1/assignments")
                .then().statusCode(200).extract().path("items.id");
        int id = ExportFiles.column(rows, "id");
        assertEquals(firstPage, rows.subList(1, 51).stream().map(row -> row.get(id)).toList(), "the list's order");

        List<String> row = rowOf(rows, tracked);
        assertEquals("3", cell(rows, row, "progress.doneQuantity"));
        assertEquals("ON_TRACK", cell(rows, row, "progress.progressStatus"));
        assertEquals("40", cell(rows, row, "targets.newHealthInsurance"));
        assertEquals("", cell(rows, row, "targets.attendance"), "no target set, none shown");
        assertEquals("12", cell(rows, row, "progress.outcomes.newHealthInsurance"));

        byte[] xlsx = as("viewer").queryParam("subtreeOf", tree[0]).accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/assignments").then().statusCode(200).contentType(ExportFormat.XLSX_MEDIA_TYPE)
                .extract().asByteArray();
        assertEquals(rows.stream().map(AssignmentExportTest::asSpreadsheetShows).toList(), ExportFiles.xlsx(xlsx));
        assertEquals(CellType.NUMERIC, XlsxCells.type(xlsx, rows.indexOf(row), ExportFiles.column(rows, "budgetVnd")));

        List<List<String>> verified = ExportFiles.csv(as("viewer").queryParam("subtreeOf", tree[0])
                .queryParam("count", "verified").queryParam("format", "csv").when().get("/api/v1/assignments")
                .then().statusCode(200).extract().asByteArray());
        assertEquals("0", cell(verified, rowOf(verified, tracked), "progress.doneQuantity"),
                "the activity is not verified yet");
    }

    @Test
    void aFilterTheListRefusesIsRefusedForAFileAlikeAsAProblem() {
        asNationalAdmin().queryParam("subtreeOf", "NO-SUCH-UNIT").accept("text/csv").when().get("/api/v1/assignments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("subtreeOf"));
        asNationalAdmin().queryParam("count", "some").queryParam("format", "csv").when().get("/api/v1/assignments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("count"));
        asNationalAdmin().queryParam("sort", "title").queryParam("format", "xlsx").when().get("/api/v1/assignments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"));
        asNationalAdmin().queryParam("format", "ods").when().get("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/assignments").then().statusCode(403);
    }

    private static List<String> rowOf(List<List<String>> rows, String id) {
        int column = ExportFiles.column(rows, "id");
        return rows.stream().filter(row -> row.get(column).equals(id)).findFirst().orElseThrow();
    }

    private static String cell(List<List<String>> rows, List<String> row, String header) {
        return row.get(ExportFiles.column(rows, header));
    }

    /** A number as a numeric cell reads back: {@code 0.0} in the CSV is {@code 0} in the sheet. */
    private static List<String> asSpreadsheetShows(List<String> row) {
        return row.stream().map(cell -> cell.matches("-?\\d+\\.\\d+")
                ? new BigDecimal(cell).stripTrailingZeros().toPlainString() : cell).toList();
    }
}
