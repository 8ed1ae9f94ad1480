package vn.commops.indicator.value;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.indicator.Fixtures;

/** Indicator values and scorecards taken into spreadsheets: every value, past the JSON's page limit. */
@QuarkusTest
class ValuesExportTest {

    @Test
    void everyValueComesOutPastOnePageInBothFormats() {
        Fixtures.Tree tree = Fixtures.tree();
        Fixtures.Activity conference = new Fixtures.Activity(tree.communeA(), tree.pathA(), "CONFERENCE",
                "2024-05-13T08:00:00+07:00").set("attendance", 40);
        conference.publish(conference.recorded());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals("40", dayValue(tree, "20240513")));

        List<String> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2023, 1, 1); days.size() < 620; day = day.plusDays(1)) {
            days.add(day.format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        for (String format : List.of("csv", "xlsx")) {
            byte[] file = as("viewer").queryParam("indicators", "CONFERENCE_ATTENDANCE")
                    .queryParam("orgUnit", tree.communeA()).queryParam("period", String.join(",", days))
                    .queryParam("format", format).when().get("/api/v1/indicators/values").then().statusCode(200)
                    .extract().asByteArray();
            List<List<String>> rows = format.equals("csv") ? ExportFiles.csv(file) : ExportFiles.xlsx(file);
            assertEquals(621, rows.size(), format + ": a value for each of the 620 days, more than a page holds");
            int period = ExportFiles.column(rows, "period");
            int value = ExportFiles.column(rows, "value");
            assertEquals(1, rows.stream().filter(row -> row.get(period).equals("20240513")
                    && row.get(value).equals("40")).count(), format);
        }
    }

    @Test
    void aScorecardComesAsOneRowPerUnitAndIndicator() {
        Fixtures.Tree tree = Fixtures.tree();
        byte[] xlsx = as("viewer").queryParam("orgUnit", tree.province()).queryParam("period", "202405")
                .queryParam("indicators", "CONFERENCE_ATTENDANCE,ACTIVITIES_HELD").accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/evaluations/scorecard").then().statusCode(200)
                .contentType(ExportFormat.XLSX_MEDIA_TYPE).extract().asByteArray();
        List<List<String>> rows = ExportFiles.xlsx(xlsx);
        assertEquals(7, rows.size(), "the province and its two communes, two indicators each");
        int unit = ExportFiles.column(rows, "orgUnitCode");
        assertEquals(List.of(tree.province(), tree.province()), List.of(rows.get(1).get(unit), rows.get(2).get(unit)));
        as("viewer").queryParam("orgUnit", tree.province()).queryParam("period", "not-a-period")
                .queryParam("format", "csv").when().get("/api/v1/evaluations/scorecard").then().statusCode(400);
    }

    private static String dayValue(Fixtures.Tree tree, String day) {
        List<List<String>> rows = ExportFiles.csv(as("viewer").queryParam("indicators", "CONFERENCE_ATTENDANCE")
                .queryParam("orgUnit", tree.communeA()).queryParam("period", day).accept("text/csv")
                .when().get("/api/v1/indicators/values").then().statusCode(200).extract().asByteArray());
        return rows.size() < 2 ? null : rows.get(1).get(ExportFiles.column(rows, "value"));
    }
}
