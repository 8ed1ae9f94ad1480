package vn.commops.plan.plan;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** Plans as staff take them into spreadsheets: the list's filters, every row, CSV or XLSX. */
@QuarkusTest
class PlanExportTest {

    private static final String HYPERLINK = "=HYPERLINK(\"https://evil.example/x\",\"Bấm vào đây\")";

    @Test
    void aSubtreesPlansComeOutAsCsvAndXlsxWithTheSameCellsAndFormulasNeutralised() {
        String[] tree = OrgUnitFixtures.tree();
        String[] otherTree = OrgUnitFixtures.tree();
        PlanFixtures.create("MASTER", "Đề án truyền thông BHXH 2019-2030", tree[0], "2019-01-01", "2030-12-31", null);
        PlanFixtures.create("MASTER", HYPERLINK, tree[1], "2024-01-01", "2030-12-31", null);
        PlanFixtures.create("MASTER", "Kế hoạch của xã", tree[2], "2024-01-01", "2026-12-31", null);
        PlanFixtures.create("MASTER", "Ở nơi khác", otherTree[1], "2024-01-01", "2026-12-31", null);

        byte[] csv = as("viewer").queryParam("subtreeOf", tree[0]).queryParam("format", "csv")
                .when().get("/api/v1/plans").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray();
        byte[] xlsx = as("viewer").queryParam("subtreeOf", tree[0]).accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/plans").then().statusCode(200).contentType(ExportFormat.XLSX_MEDIA_TYPE)
                .extract().asByteArray();
        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(PlanExport.COLUMNS.stream().map(c -> c.header()).toList(), rows.get(0));
        assertEquals(4, rows.size(), "the three plans of the subtree, none of the other tree");
        assertEquals(rows, ExportFiles.xlsx(xlsx));
        int title = ExportFiles.column(rows, "title");
        assertTrue(rows.stream().anyMatch(row -> row.get(title).equals("'" + HYPERLINK)));
        assertFalse(ExportFiles.xlsxHasFormula(xlsx));
        int owner = ExportFiles.column(rows, "ownerUnitCode");
        assertEquals(List.of(tree[2], tree[1], tree[0]), rows.subList(1, 4).stream().map(r -> r.get(owner)).toList(),
                "newest first, as the list");
    }

    @Test
    void aFilterTheListRefusesIsRefusedForAFileAlikeAsAProblem() {
        asNationalAdmin().queryParam("subtreeOf", "NO-SUCH-UNIT").accept("text/csv").when().get("/api/v1/plans")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("subtreeOf"));
        asNationalAdmin().queryParam("format", "ods").when().get("/api/v1/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/plans").then().statusCode(403);
    }
}
