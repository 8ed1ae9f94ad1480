package vn.commops.plan.orgunit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.Column;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;

/** The hierarchy as staff keep it in a spreadsheet: a subtree's units, today or as they stood on a day. */
@QuarkusTest
class OrgUnitExportTest {

    private static final int BEYOND_ONE_PAGE = 51;

    @Test
    void aSubtreesUnitsComeOutInBothFormatsBeyondOnePageInTheListsOrder() {
        String[] tree = OrgUnitFixtures.tree();
        OrgUnitFixtures.tree();
        for (int i = 1; i < BEYOND_ONE_PAGE; i++) {
            OrgUnitFixtures.create(OrgUnitFixtures.uniqueCode(tree[2]), "Xã số " + i, "COMMUNE", tree[1]);
        }

        byte[] csv = as("viewer").queryParam("subtreeOf", tree[0]).queryParam("format", "csv")
                .when().get("/api/v1/org-units").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"org-units.csv\""))
                .extract().asByteArray();
        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(OrgUnitExport.COLUMNS.stream().map(Column::header).toList(), rows.get(0));
        assertEquals(BEYOND_ONE_PAGE + 3, rows.size(), "the national unit, the province and its 51 communes");
        int code = ExportFiles.column(rows, "code");
        List<String> firstPage = as("viewer").queryParam("subtreeOf", tree[0]).when().get("/api/v1/org-units")
                .then().statusCode(200).extract().path("items.code");
        assertEquals(firstPage, rows.subList(1, 51).stream().map(row -> row.get(code)).toList(), "the list's order");
        List<String> province = rows.get(2);
        assertEquals(List.of(tree[1], "Bảo hiểm xã hội tỉnh Lào Cai", "PROVINCE", tree[0],
                "/" + tree[0] + "/" + tree[1] + "/"), province.subList(0, 5));

        byte[] xlsx = as("viewer").queryParam("subtreeOf", tree[0]).accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/org-units").then().statusCode(200).contentType(ExportFormat.XLSX_MEDIA_TYPE)
                .extract().asByteArray();
        assertEquals(rows, ExportFiles.xlsx(xlsx));

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        List<List<String>> asOf = ExportFiles.csv(as("viewer").queryParam("subtreeOf", tree[0])
                .queryParam("level", "COMMUNE").queryParam("asOf", today).queryParam("format", "csv")
                .when().get("/api/v1/org-units").then().statusCode(200).extract().asByteArray());
        assertEquals(rows.get(0), asOf.get(0));
        assertEquals(BEYOND_ONE_PAGE + 1, asOf.size(), "the communes in force today, read from their versions");
    }

    @Test
    void aFilterTheListRefusesIsRefusedForAFileAlikeAsAProblem() {
        asNationalAdmin().queryParam("subtreeOf", "NO-SUCH-UNIT").accept("text/csv").when().get("/api/v1/org-units")
                .then().statusCode(404).contentType("application/problem+json");
        asNationalAdmin().queryParam("sort", "validFrom").queryParam("format", "csv").when().get("/api/v1/org-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"));
        asNationalAdmin().queryParam("format", "ods").when().get("/api/v1/org-units").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/org-units").then().statusCode(403);
    }
}
