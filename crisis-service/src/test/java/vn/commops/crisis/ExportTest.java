package vn.commops.crisis;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Feedback and crisis cases as analysts take them into spreadsheets: every matching row, CSV or XLSX. */
@QuarkusTest
class ExportTest {

    private static final String HYPERLINK = "=HYPERLINK(\"https://evil.example/x\",\"Bấm vào đây\")";

    @Test
    void feedbackExportsEveryMatchingItemBeyondOnePageWithoutContactsAndFormulasNeutralised() {
        String unit = OrgUnitEventsFixture.knownCommune();
        String other = OrgUnitEventsFixture.knownCommune();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 540; i++) {
            items.add(Feedbacks.item("HOTLINE", "Hỏi về BHXH tự nguyện lần " + i, unit));
        }
        items.add(Feedbacks.item("PORTAL", HYPERLINK, unit));
        items.add(Feedbacks.item("HOTLINE", "Hỏi ở nơi khác", other));
        Feedbacks.submitAll(items);

        for (String format : List.of("csv", "xlsx")) {
            byte[] file = as("viewer").queryParam("orgUnit", unit).queryParam("format", format)
                    .when().get("/api/v1/feedback").then().statusCode(200)
                    .header("Content-Disposition", "attachment; filename=\"feedback." + format + "\"")
                    .extract().asByteArray();
            List<List<String>> rows = format.equals("csv") ? ExportFiles.csv(file) : ExportFiles.xlsx(file);
            assertEquals(542, rows.size(), format + ": the header and all 541 items of the unit");
            assertTrue(rows.get(0).stream().noneMatch(h -> h.toLowerCase().contains("contact")), format);
            int text = ExportFiles.column(rows, "text");
            int orgUnit = ExportFiles.column(rows, "orgUnitCode");
            assertTrue(rows.subList(1, rows.size()).stream().allMatch(row -> row.get(orgUnit).equals(unit)), format);
            assertTrue(rows.stream().anyMatch(row -> row.get(text).equals("'" + HYPERLINK)), format);
            assertTrue(rows.stream().noneMatch(row -> row.get(text).equals(HYPERLINK)), format);
            Set<String> ids = new HashSet<>();
            rows.subList(1, rows.size()).forEach(row -> ids.add(row.get(0)));
            assertEquals(541, ids.size(), format + ": no item twice");
        }
        List<List<String>> portal = ExportFiles.csv(as("viewer").queryParam("orgUnit", unit)
                .queryParam("channel", "PORTAL").accept("text/csv").when().get("/api/v1/feedback")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(2, portal.size(), "the channel filter holds for an export");
    }

    @Test
    void onlyThoseWhoReadFeedbackExportIt() {
        as("unit-officer", OrgUnitEventsFixture.knownCommune()).queryParam("format", "csv")
                .when().get("/api/v1/feedback").then().statusCode(403);
        as("partner").accept(ExportFormat.XLSX_MEDIA_TYPE).when().get("/api/v1/feedback").then().statusCode(403);
        given().queryParam("format", "csv").when().get("/api/v1/feedback").then().statusCode(401);
    }

    @Test
    void crisisCasesExportTheUnitsSubtreeAsTheListDoes() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String elsewhere = OrgUnitEventsFixture.knownCommune();
        open("Tin đồn bỏ rút BHXH một lần", units[1]);
        open(HYPERLINK, units[1]);
        open("Lừa đảo giả danh BHXH", units[0]);
        open("Ở tỉnh khác", elsewhere);

        byte[] csv = as("crisis-analyst").queryParam("orgUnit", units[0]).queryParam("format", "csv")
                .when().get("/api/v1/crisis-cases").then().statusCode(200).extract().asByteArray();
        byte[] xlsx = as("crisis-analyst").queryParam("orgUnit", units[0]).accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/crisis-cases").then().statusCode(200)
                .contentType(ExportFormat.XLSX_MEDIA_TYPE).extract().asByteArray();
        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(ExportFiles.xlsx(xlsx), rows, "both formats show the same cells");
        assertEquals(4, rows.size(), "the province's case and its commune's two, not another province's");
        int title = ExportFiles.column(rows, "title");
        assertTrue(rows.stream().anyMatch(row -> row.get(title).equals("'" + HYPERLINK)));
        assertTrue(!ExportFiles.xlsxHasFormula(xlsx));
    }

    private static void open(String title, String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("severity", "HIGH");
        body.put("topicCode", "FALSE_INFORMATION");
        body.put("orgUnitCode", unit);
        as("crisis-analyst").contentType(ContentType.JSON).body(body).when().post("/api/v1/crisis-cases")
                .then().statusCode(201);
    }
}
