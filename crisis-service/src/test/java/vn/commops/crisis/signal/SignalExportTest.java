package vn.commops.crisis.signal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;

/** Crisis signals as analysts take them into spreadsheets: the list's filters and sort, every signal. */
@QuarkusTest
class SignalExportTest {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2025, 3, 12, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aSubtreesSignalsComeOutAsCsvAndXlsxInTheListsSortWithFiguresAsNumbers() {
        String province = "SX" + UUID.randomUUID().toString().substring(0, 8);
        raise(province, province + "-A", "/VN/" + province + "/" + province + "-A/", 30, 18.2, 0);
        raise(province, province + "-B", "/VN/" + province + "/" + province + "-B/", 12, 4.75, 1);
        raise(province, "ELSEWHERE", "/VN/ELSEWHERE/", 50, 25, 2);

        byte[] csv = as("viewer").queryParam("orgUnit", province).queryParam("sort", "-score").queryParam("format", "csv")
                .when().get("/api/v1/signals").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"signals.csv\""))
                .extract().asByteArray();
        byte[] xlsx = as("viewer").queryParam("orgUnit", province).queryParam("sort", "-score")
                .accept(ExportFormat.XLSX_MEDIA_TYPE).when().get("/api/v1/signals").then().statusCode(200)
                .contentType(ExportFormat.XLSX_MEDIA_TYPE).extract().asByteArray();

        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(SignalExport.COLUMNS.stream().map(c -> c.header()).toList(), rows.get(0));
        assertEquals(rows, ExportFiles.xlsx(xlsx), "volume, baseline and score numbers read back alike");
        int unit = ExportFiles.column(rows, "orgUnitCode");
        int score = ExportFiles.column(rows, "score");
        assertEquals(List.of(List.of(province + "-A", "18.2"), List.of(province + "-B", "4.75")),
                rows.subList(1, rows.size()).stream().map(r -> List.of(r.get(unit), r.get(score))).toList(),
                "the subtree's signals, highest score first");
    }

    @Test
    void aSortTheListRefusesIsRefusedForAFileAlikeAsAProblem() {
        as("viewer").queryParam("sort", "explanation").queryParam("format", "csv").when().get("/api/v1/signals")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        as("viewer").queryParam("format", "ods").when().get("/api/v1/signals").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/signals").then().statusCode(403);
    }

    private static void raise(String province, String unit, String path, int volume, double score, int hoursLater) {
        QuarkusTransaction.requiringNew().run(() -> {
            CrisisSignal signal = new CrisisSignal();
            signal.id = UUID.randomUUID();
            signal.topicCode = "FALSE_INFORMATION";
            signal.orgUnitCode = unit;
            signal.orgUnitPath = path;
            signal.windowStart = NOON.plusHours(hoursLater);
            signal.windowEnd = signal.windowStart.plusHours(1);
            signal.volume = volume;
            signal.baseline = 1.5;
            signal.score = score;
            signal.explanation = volume + " feedback items in " + unit + " (" + province + ")";
            signal.raisedAt = signal.windowEnd;
            signal.persist();
        });
    }
}
