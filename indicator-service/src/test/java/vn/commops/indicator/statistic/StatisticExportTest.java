package vn.commops.indicator.statistic;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.indicator.Fixtures;

/** Reported figures as staff take them into spreadsheets: the list's filters, every page, CSV or XLSX. */
@QuarkusTest
class StatisticExportTest {

    private static final int DAYS = StatisticExport.PAGE_SIZE + 20;

    @Test
    void moreFiguresThanAPageComeOutAsCsvAndXlsxWithTheListsFilters() {
        Fixtures.Tree tree = Fixtures.tree();
        StringBuilder upload = new StringBuilder("orgUnit,dataElement,period,value\n");
        LocalDate day = LocalDate.of(2023, 1, 1);
        for (int i = 0; i < DAYS; i++) {
            upload.append(tree.communeA()).append(",POPULATION,")
                    .append(day.plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE)).append(',').append(1000 + i)
                    .append('\n');
        }
        upload.append(tree.communeA()).append(",LABOUR_FORCE,2023,600.25\n");
        upload.append(tree.communeB()).append(",POPULATION,2023,9000\n");
        asNationalAdmin().contentType("text/csv").body(upload.toString()).when().post("/api/v1/statistics")
                .then().statusCode(200).body("created", equalTo(DAYS + 2));

        byte[] csv = as("viewer").queryParam("orgUnit", tree.communeA()).queryParam("format", "csv")
                .when().get("/api/v1/statistics").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray();
        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(StatisticExport.COLUMNS.stream().map(c -> c.header()).toList(), rows.get(0));
        assertEquals(1 + DAYS + 1, rows.size(), "every figure of the unit, across pages, none twice");
        int element = ExportFiles.column(rows, "dataElement");
        int period = ExportFiles.column(rows, "period");
        assertEquals(List.of("LABOUR_FORCE", "2023"), List.of(rows.get(1).get(element), rows.get(1).get(period)),
                "by data element, then period, as the list");
        assertEquals("20230101", rows.get(2).get(period));

        byte[] xlsx = as("viewer").queryParam("orgUnit", tree.communeA()).queryParam("dataElement", "LABOUR_FORCE")
                .accept(ExportFormat.XLSX_MEDIA_TYPE).when().get("/api/v1/statistics").then().statusCode(200)
                .contentType(ExportFormat.XLSX_MEDIA_TYPE).extract().asByteArray();
        assertEquals(List.of(rows.get(0), rows.get(1)), ExportFiles.xlsx(xlsx), "the value a number read back alike");
    }

    @Test
    void aFormatTheListDoesNotKnowIsRefusedAsAProblem() {
        asNationalAdmin().queryParam("format", "ods").when().get("/api/v1/statistics").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
    }
}
