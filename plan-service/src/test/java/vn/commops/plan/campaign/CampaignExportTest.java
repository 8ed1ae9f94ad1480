package vn.commops.plan.campaign;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.Column;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.plan.XlsxCells;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanFixtures;

/** A plan's campaigns as staff lay them out in a spreadsheet: every one, lists in one cell each. */
@QuarkusTest
class CampaignExportTest {

    private static final int BEYOND_ONE_PAGE = 51;

    @Test
    void aPlansCampaignsComeOutInBothFormatsBeyondOnePageInTheListsOrder() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động 2024", tree[0], "2024-05-01",
                "2024-05-31");
        String otherPlan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng khác", tree[0], "2024-05-01",
                "2024-05-31");
        for (int i = 0; i < BEYOND_ONE_PAGE; i++) {
            String start = "2024-05-%02d".formatted(1 + i % 28);
            create(CampaignResourceTest.campaign(plan, start, "2024-05-31", List.of(
                    CampaignResourceTest.form("BANNER", null, null),
                    CampaignResourceTest.form("LIVESTREAM", null, null))));
        }
        create(CampaignResourceTest.campaign(otherPlan, "2024-05-01", "2024-05-31", List.of()));

        byte[] csv = as("viewer").queryParam("planId", plan).queryParam("format", "csv")
                .when().get("/api/v1/campaigns").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"campaigns.csv\""))
                .extract().asByteArray();
        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(CampaignExport.COLUMNS.stream().map(Column::header).toList(), rows.get(0));
        assertEquals(BEYOND_ONE_PAGE + 1, rows.size(), "every campaign of the plan, none of the other plan");
        List<String> firstPage = as("viewer").queryParam("planId", plan).when().get("/api/v1/campaigns")
                .then().statusCode(200).extract().path("items.id");
        int id = ExportFiles.column(rows, "id");
        assertEquals(firstPage, rows.subList(1, 51).stream().map(row -> row.get(id)).toList(), "the list's order");
        List<String> row = rows.get(1);
        assertEquals(tree[0], row.get(ExportFiles.column(rows, "ownerUnitCode")));
        assertEquals("Tham gia BHXH - Đóng góp hôm nay, an tâm tương lai;BHXH tự nguyện - Khoản tiết kiệm của người "
                + "lao động", row.get(ExportFiles.column(rows, "keyMessages")));
        assertEquals("FREELANCE_WORKERS;HOUSEHOLDS", row.get(ExportFiles.column(rows, "targetGroups")));
        assertEquals("BANNER;LIVESTREAM", row.get(ExportFiles.column(rows, "formKinds")));
        assertEquals("15000000", row.get(ExportFiles.column(rows, "budgetTotalVnd")));

        byte[] xlsx = as("viewer").queryParam("planId", plan).accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/campaigns").then().statusCode(200).contentType(ExportFormat.XLSX_MEDIA_TYPE)
                .extract().asByteArray();
        assertEquals(rows, ExportFiles.xlsx(xlsx));
        assertEquals(CellType.NUMERIC, XlsxCells.type(xlsx, 1, ExportFiles.column(rows, "budgetTotalVnd")));
    }

    @Test
    void aFilterTheListRefusesIsRefusedForAFileAlikeAsAProblem() {
        asNationalAdmin().queryParam("sort", "budget").queryParam("format", "csv").when().get("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"));
        asNationalAdmin().queryParam("format", "ods").when().get("/api/v1/campaigns").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/campaigns").then().statusCode(403);
    }

    private static void create(Object body) {
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/campaigns")
                .then().statusCode(201);
    }
}
