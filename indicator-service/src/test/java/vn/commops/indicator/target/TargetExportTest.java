package vn.commops.indicator.target;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.indicator.Fixtures;

/** Targets as staff take them into spreadsheets: the list's filters and order, every version, CSV or XLSX. */
@QuarkusTest
class TargetExportTest {

    @Test
    void aUnitsTargetsComeOutAsCsvAndXlsxInTheListsOrderWithValuesAsNumbers() {
        Fixtures.Tree tree = Fixtures.tree();
        set("ACTIVITIES_HELD", tree.province(), "202406", 80, "2024-06-01");
        set("ACTIVITIES_HELD", tree.province(), "202405", 100, "2024-05-01");
        set("ACTIVITIES_HELD", tree.province(), "202405", 120.5, "2024-05-10");
        set("ACTIVITIES_HELD", tree.communeA(), "202405", 60, "2024-05-01");

        byte[] csv = as("viewer").queryParam("orgUnit", tree.province()).queryParam("format", "csv")
                .when().get("/api/v1/targets").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"targets.csv\""))
                .extract().asByteArray();
        byte[] xlsx = as("viewer").queryParam("orgUnit", tree.province()).accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/targets").then().statusCode(200).contentType(ExportFormat.XLSX_MEDIA_TYPE)
                .extract().asByteArray();

        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(TargetExport.COLUMNS.stream().map(c -> c.header()).toList(), rows.get(0));
        assertEquals(4, rows.size(), "the province's three versions, not the commune's");
        assertEquals(rows, ExportFiles.xlsx(xlsx), "numbers as numbers read back alike");
        int period = ExportFiles.column(rows, "period");
        int value = ExportFiles.column(rows, "value");
        int version = ExportFiles.column(rows, "version");
        assertEquals(List.of(List.of("202405", "100", "1"), List.of("202405", "120.5", "2"), List.of("202406", "80", "1")),
                rows.subList(1, 4).stream().map(r -> List.of(r.get(period), r.get(value), r.get(version))).toList(),
                "by period and version, as the list");
    }

    @Test
    void aFormatTheListDoesNotKnowIsRefusedAsAProblem() {
        asNationalAdmin().queryParam("format", "ods").when().get("/api/v1/targets").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/targets").then().statusCode(403);
    }

    private static void set(String indicator, String unit, String period, Object value, String from) {
        asNationalAdmin().contentType(ContentType.JSON).body(TargetsTest.target(indicator, unit, period, value, from))
                .when().post("/api/v1/targets").then().statusCode(201);
    }
}
