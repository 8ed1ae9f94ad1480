package vn.commops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static vn.commops.e2e.Gateway.admin;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.commops.common.csv.Csv;

/**
 * Activities taken into spreadsheets through the gateway: every row of a unit as one streamed CSV
 * and XLSX, a partner's {@code =HYPERLINK(...)} external id shown as text, and activity-service's
 * memory flat whatever the number of rows (an export four times larger grows its old generation no
 * more than a small one). bench/export.sh measures the same at 10,000 and 100,000 rows.
 */
class ActivityExportIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HYPERLINK = "=HYPERLINK(\"https://evil.example/x\",\"Bấm vào đây\")";
    private static final int SMALL = 5_000;
    private static final int LARGE = 20_000;
    /** What a larger export may add to the old generation over a small one: noise, not its rows. */
    private static final double OLD_GROWTH_SLACK_MB = 24;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        RestAssured.baseURI = platform.gatewayUrl();
    }

    @Test
    void everyActivityComesOutAsCsvAndXlsxWithFormulasNeutralisedInFlatMemory() throws Exception {
        String[] units = Gateway.createHierarchy("XK", "Tỉnh xuất dữ liệu", "Xã xuất dữ liệu lớn");
        String large = units[2];
        String small = units[1] + "-S";
        Gateway.createUnit(small, "Xã xuất dữ liệu nhỏ", "COMMUNE", units[1]);
        // The first activity of each unit goes in once activity-service knows the unit (422 until then).
        Gateway.awaitKnown(() -> admin().contentType(ContentType.JSON).body(activity(large, large + "-first"))
                .when().post("/api/v1/activities").then().extract().statusCode());
        Gateway.awaitKnown(() -> admin().contentType(ContentType.JSON).body(activity(small, HYPERLINK))
                .when().post("/api/v1/activities").then().extract().statusCode());
        load(large, LARGE - 1);
        load(small, SMALL - 1);

        awaitOutboxSent();
        Path dir = Files.createTempDirectory("activity-export-it");
        export(small, "csv", dir); // warms the JIT and loads POI, as a running service would have
        export(small, "xlsx", dir);
        for (String format : List.of("csv", "xlsx")) {
            Measured few = export(small, format, dir);
            Measured many = export(large, format, dir);
            System.out.printf("export %s: %d rows %.1f s, old gen +%.1f MB, heap peak %.0f MB, RSS %.0f -> %.0f MB; "
                    + "%d rows %.1f s, old gen +%.1f MB, heap peak %.0f MB, RSS %.0f -> %.0f MB%n", format,
                    few.rows, few.seconds, few.oldGrowthMb, few.heapPeakMb, few.rssBeforeMb, few.rssPeakMb,
                    many.rows, many.seconds, many.oldGrowthMb, many.heapPeakMb, many.rssBeforeMb, many.rssPeakMb);
            assertEquals(SMALL, few.rows, format);
            assertEquals(LARGE, many.rows, format);
            assertTrue(many.oldGrowthMb <= few.oldGrowthMb + OLD_GROWTH_SLACK_MB,
                    format + ": " + LARGE + " rows grew the old generation " + many.oldGrowthMb + " MB, "
                            + SMALL + " rows " + few.oldGrowthMb + " MB");
            assertTrue(few.hyperlinkNeutralised, format + ": the =HYPERLINK external id comes out as text");
        }
    }

    /**
     * The 25,000 activities' events leave activity-service's outbox for a while after the upload:
     * measured then, an export would be charged with the relay's memory.
     */
    private static void awaitOutboxSent() {
        String metrics = platform.serviceUrl("activity") + "/q/metrics";
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                RestAssured.get(metrics).asString().lines()
                        .filter(line -> line.startsWith("commops_outbox_backlog_rows"))
                        .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) == 0));
    }

    private record Measured(int rows, double seconds, boolean hyperlinkNeutralised, double oldGrowthMb,
            double heapPeakMb, double rssBeforeMb, double rssPeakMb) {
    }

    private static Measured export(String unit, String format, Path dir) throws Exception {
        Path file = dir.resolve(unit + "." + format);
        long start = System.nanoTime();
        ProcessMemory memory = ProcessMemory.watch(platform.pid("activity-service"));
        try (memory; InputStream body = admin().queryParam("orgUnit", unit).queryParam("format", format)
                .when().get("/api/v1/activities").then().statusCode(200)
                .contentType(format.equals("csv") ? "text/csv; charset=UTF-8" : XLSX)
                .extract().asInputStream()) {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<List<String>> rows = format.equals("csv") ? csv(file) : xlsx(file);
        int externalId = rows.get(0).indexOf("externalId");
        boolean neutralised = rows.stream().anyMatch(row -> row.get(externalId).equals("'" + HYPERLINK))
                && rows.stream().noneMatch(row -> row.get(externalId).equals(HYPERLINK));
        return new Measured(rows.size() - 1, seconds, neutralised, memory.oldGrowthMb(), memory.heapPeakMb(),
                memory.rssAtStartMb(), memory.rssPeakMb());
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStreamReader text = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            Csv.Rows reader = Csv.rows(text);
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<String>> xlsx(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            int width = workbook.getSheetAt(0).getRow(0).getLastCellNum();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i);
                    assertFalse(cell != null && cell.getCellType() == CellType.FORMULA, "an export makes no formula");
                    cells.add(cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static void load(String unit, int count) {
        for (int from = 0; from < count; from += 10_000) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 10_000); i++) {
                records.add(activity(unit, unit + "-" + i));
            }
            admin().contentType(ContentType.JSON).body(records).queryParam("report", "failures")
                    .when().post("/api/v1/activities/batches").then().statusCode(200);
        }
    }

    private static Map<String, Object> activity(String unit, String externalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", unit);
        body.put("form", "SMALL_GROUP");
        body.put("title", "Đối thoại chính sách BHXH tự nguyện");
        body.put("startedAt", "2024-05-13T08:00:00+07:00");
        body.put("attendance", 35);
        body.put("externalId", externalId);
        return body;
    }
}
