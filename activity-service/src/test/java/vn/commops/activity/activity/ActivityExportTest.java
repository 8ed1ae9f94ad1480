package vn.commops.activity.activity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.activity.breakdown.TargetGroups;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Activities as staff take them into spreadsheets: every matching row, CSV or XLSX, no page limit. */
@QuarkusTest
class ActivityExportTest {

    private static final String HYPERLINK = "=HYPERLINK(\"https://evil.example/x\",\"Bấm vào đây\")";

    @Inject
    TargetGroups targetGroups;

    private String commune;
    private String elsewhere;

    @BeforeEach
    void units() {
        commune = OrgUnitEventsFixture.knownCommune();
        elsewhere = OrgUnitEventsFixture.knownCommune();
    }

    @Test
    void csvHoldsEveryMatchingActivityBeyondOnePageWithFiltersHonoured() {
        record(commune, 520, "SMALL_GROUP", "sg");
        record(commune, 3, "LIVESTREAM", "ls");
        record(elsewhere, 2, "SMALL_GROUP", "other");

        byte[] file = asNationalAdmin().queryParam("orgUnit", commune).queryParam("form", "SMALL_GROUP")
                .queryParam("format", "csv").when().get("/api/v1/activities").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"activities.csv\"")
                .extract().asByteArray();
        List<List<String>> rows = ExportFiles.csv(file);
        assertEquals(ActivityExport.columns(targetGroups.vocabulary()).stream().map(c -> c.header()).toList(),
                rows.get(0));
        assertEquals(521, rows.size(), "header and all 520 small groups, more than a page holds");
        int unit = ExportFiles.column(rows, "orgUnitCode");
        int form = ExportFiles.column(rows, "form");
        int title = ExportFiles.column(rows, "title");
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(commune, row.get(unit));
            assertEquals("SMALL_GROUP", row.get(form));
            assertEquals("Tuyên truyền nhóm nhỏ tại thôn Hồ Phai", row.get(title));
        }
        Set<String> ids = new HashSet<>();
        rows.subList(1, rows.size()).forEach(row -> ids.add(row.get(0)));
        assertEquals(520, ids.size(), "no activity twice");
    }

    @Test
    void eachBreakdownCountIsAColumnNamedAsTheImportReadsIt() {
        Map<String, Object> record = Fixtures.smallGroup(commune);
        record.put("attendance", 68);
        record.put("breakdowns", Map.of("attendance", Map.of("sex", Map.of("FEMALE", 30, "MALE", 38),
                "group", Map.of("STUDENTS", 40))));
        asNationalAdmin().contentType(ContentType.JSON).body(record).when().post("/api/v1/activities")
                .then().statusCode(201);
        record(commune, 1, "SMALL_GROUP", "unsplit");

        List<List<String>> rows = ExportFiles.csv(asNationalAdmin().queryParam("orgUnit", commune)
                .queryParam("format", "csv").queryParam("sort", "createdAt").when().get("/api/v1/activities")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(3, rows.size());
        List<String> split = rows.get(1);
        List<String> unsplit = rows.get(2);
        assertEquals("30", split.get(ExportFiles.column(rows, "attendance.sex.FEMALE")));
        assertEquals("38", split.get(ExportFiles.column(rows, "attendance.sex.MALE")));
        assertEquals("40", split.get(ExportFiles.column(rows, "attendance.group.STUDENTS")));
        assertEquals("", split.get(ExportFiles.column(rows, "attendance.age.15_24")));
        assertEquals("", split.get(ExportFiles.column(rows, "newSocialInsurance.group.FREELANCE_WORKERS")));
        assertEquals("", unsplit.get(ExportFiles.column(rows, "attendance.sex.FEMALE")));
        assertEquals("version", rows.get(0).get(ExportFiles.column(rows, "attendance.sex.FEMALE") - 1),
                "the counts come after every other column");
    }

    @Test
    void xlsxReadsBackWithNumbersAsNumbersAndTheSameRowsAsCsv() {
        record(commune, 7, "SMALL_GROUP", "x");
        byte[] xlsx = asNationalAdmin().queryParam("orgUnit", commune).accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/activities").then().statusCode(200)
                .contentType(ExportFormat.XLSX_MEDIA_TYPE).extract().asByteArray();
        byte[] csv = asNationalAdmin().queryParam("orgUnit", commune).accept("text/csv")
                .when().get("/api/v1/activities").then().statusCode(200).extract().asByteArray();
        List<List<String>> sheet = ExportFiles.xlsx(xlsx);
        List<List<String>> text = ExportFiles.csv(csv);
        assertEquals(text, sheet, "both formats show the same cells in the same order");
        assertEquals(8, sheet.size());
        int attendance = ExportFiles.column(sheet, "attendance");
        assertTrue(sheet.subList(1, 8).stream().allMatch(row -> row.get(attendance).matches("\\d+")));
    }

    @Test
    void aFormulaAsExternalIdComesOutAsTextInBothFormats() {
        String partner = Fixtures.partner("post", List.of(commune));
        Map<String, Object> body = Fixtures.smallGroup(commune);
        body.put("externalId", HYPERLINK);
        asPartner(partner, commune).contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(201);

        for (String format : List.of("csv", "xlsx")) {
            byte[] file = asPartner(partner, commune).queryParam("format", format).when().get("/api/v1/activities")
                    .then().statusCode(200).extract().asByteArray();
            List<List<String>> rows = format.equals("csv") ? ExportFiles.csv(file) : ExportFiles.xlsx(file);
            assertEquals(2, rows.size(), format);
            assertEquals("'" + HYPERLINK, rows.get(1).get(ExportFiles.column(rows, "externalId")), format);
            if (format.equals("xlsx")) {
                assertFalse(ExportFiles.xlsxHasFormula(file));
            }
        }
    }

    @Test
    void aPartnerExportsOnlyItsGrantedUnitsWhateverItAsksFor() {
        record(commune, 2, "SMALL_GROUP", "mine");
        record(elsewhere, 3, "SMALL_GROUP", "theirs");
        String partner = Fixtures.partner("post", List.of(commune));

        List<List<String>> own = ExportFiles.csv(asPartner(partner, commune).queryParam("format", "csv")
                .when().get("/api/v1/activities").then().statusCode(200).extract().asByteArray());
        assertEquals(3, own.size());
        int unit = ExportFiles.column(own, "orgUnitCode");
        assertTrue(own.subList(1, 3).stream().allMatch(row -> row.get(unit).equals(commune)));

        List<List<String>> foreign = ExportFiles.xlsx(asPartner(partner, commune).queryParam("format", "xlsx")
                .queryParam("orgUnit", elsewhere).when().get("/api/v1/activities").then().statusCode(200)
                .extract().asByteArray());
        assertEquals(1, foreign.size(), "only the header: another unit's rows stay out");
    }

    @Test
    void jsonStaysTheDefaultAndAnUnknownFormatIsRefusedNamingIt() {
        record(commune, 1, "SMALL_GROUP", "j");
        as("viewer", commune).queryParam("orgUnit", commune).when().get("/api/v1/activities").then()
                .statusCode(200).contentType(ContentType.JSON).body("totalItems", equalTo(1));
        as("viewer", commune).queryParam("format", "pdf").when().get("/api/v1/activities").then()
                .statusCode(400).body("errors[0].field", equalTo("format"));
        as("viewer", commune).queryParam("sort", "secret").queryParam("format", "csv")
                .when().get("/api/v1/activities").then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    private static void record(String unit, int count, String form, String prefix) {
        List<Map<String, Object>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> record = form.equals("LIVESTREAM") ? Fixtures.livestream(unit) : Fixtures.smallGroup(unit);
            record.put("externalId", prefix + "-" + unit + "-" + i);
            records.add(record);
        }
        asNationalAdmin().contentType(ContentType.JSON).body(records).queryParam("report", "failures")
                .when().post("/api/v1/activities/batches").then().statusCode(200);
    }
}
