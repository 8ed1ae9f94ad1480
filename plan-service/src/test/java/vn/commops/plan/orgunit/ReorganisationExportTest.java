package vn.commops.plan.orgunit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.Column;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;

/** Scheduled changes of the hierarchy as staff review them in a spreadsheet. */
@QuarkusTest
class ReorganisationExportTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void pendingReorganisationsComeOutInBothFormatsInTheListsOrder() {
        String[] tree = OrgUnitFixtures.tree();
        String later = schedule(tree[1], "Tỉnh Lào Cai mới", 30);
        String sooner = schedule(tree[2], "Xã Hồ Phai mới", 10);

        byte[] csv = as("viewer").queryParam("status", "PENDING").queryParam("format", "csv")
                .when().get("/api/v1/org-units/reorganisations").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"reorganisations.csv\""))
                .extract().asByteArray();
        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(ReorganisationExport.COLUMNS.stream().map(Column::header).toList(), rows.get(0));
        List<Object> listed = as("viewer").queryParam("status", "PENDING").queryParam("size", 500)
                .when().get("/api/v1/org-units/reorganisations").then().statusCode(200).extract().path("items.id");
        int id = ExportFiles.column(rows, "id");
        List<String> exported = rows.subList(1, rows.size()).stream().map(row -> row.get(id)).toList();
        assertEquals(listed.stream().map(String::valueOf).toList(), exported, "every pending one, the list's order");
        assertTrue(exported.indexOf(sooner) < exported.indexOf(later), "soonest effective first");

        List<String> row = rows.get(1 + exported.indexOf(sooner));
        assertEquals("PENDING", row.get(ExportFiles.column(rows, "status")));
        assertEquals(TODAY.plusDays(10).toString(), row.get(ExportFiles.column(rows, "effectiveDate")));
        assertTrue(row.get(ExportFiles.column(rows, "unitCodes")).contains(tree[2]));
        assertTrue(row.get(ExportFiles.column(rows, "request")).contains("Xã Hồ Phai mới"), "the request as JSON");
        assertEquals("Đổi tên theo nghị quyết", row.get(ExportFiles.column(rows, "reason")));

        byte[] xlsx = as("viewer").queryParam("status", "PENDING").accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/org-units/reorganisations").then().statusCode(200)
                .contentType(ExportFormat.XLSX_MEDIA_TYPE).extract().asByteArray();
        assertEquals(rows, ExportFiles.xlsx(xlsx));
    }

    @Test
    void aFilterTheListRefusesIsRefusedForAFileAlikeAsAProblem() {
        asNationalAdmin().queryParam("unit", "NO-SUCH-UNIT").accept("text/csv")
                .when().get("/api/v1/org-units/reorganisations").then().statusCode(404)
                .contentType("application/problem+json");
        asNationalAdmin().queryParam("format", "ods").when().get("/api/v1/org-units/reorganisations")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/org-units/reorganisations")
                .then().statusCode(403);
    }

    private static String schedule(String unit, String name, int inDays) {
        Object id = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "effectiveDate", TODAY.plusDays(inDays).toString(),
                        "reason", "Đổi tên theo nghị quyết"))
                .when().patch("/api/v1/org-units/" + unit).then().statusCode(202).extract().path("id");
        return String.valueOf(id);
    }
}
