package vn.commops.crisis.cluster;

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

/** Feedback clusters as analysts take them into spreadsheets: the list's filters and sort, every cluster. */
@QuarkusTest
class ClusterExportTest {

    /** Later than any cluster another test makes, so that since= picks out this test's alone. */
    private static final OffsetDateTime LATER = OffsetDateTime.of(2090, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void clustersComeOutAsCsvAndXlsxWithTheListsFiltersAndSort() {
        String big = cluster("Nghe nói từ tháng sau bỏ rút BHXH một lần", 42, 1);
        String small = cluster("=HYPERLINK(\"https://evil.example/x\",\"Bấm\")", 6, 2);
        cluster("Chỉ một tin", 1, 3);

        byte[] csv = as("viewer").queryParam("since", LATER.toString()).queryParam("minCount", 2)
                .queryParam("sort", "-itemCount").queryParam("format", "csv")
                .when().get("/api/v1/feedback/clusters").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"feedback-clusters.csv\""))
                .extract().asByteArray();
        byte[] xlsx = as("viewer").queryParam("since", LATER.toString()).queryParam("minCount", 2)
                .queryParam("sort", "-itemCount").accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/feedback/clusters").then().statusCode(200)
                .contentType(ExportFormat.XLSX_MEDIA_TYPE).extract().asByteArray();

        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(ClusterExport.COLUMNS.stream().map(c -> c.header()).toList(), rows.get(0));
        assertEquals(rows, ExportFiles.xlsx(xlsx), "item counts as numbers read back alike");
        assertEquals(List.of(List.of(big, "42"), List.of(small, "6")), rows.subList(1, rows.size()).stream()
                .map(r -> List.of(r.get(0), r.get(ExportFiles.column(rows, "itemCount")))).toList(),
                "most items first, the single one left out");
        assertEquals("'=HYPERLINK(\"https://evil.example/x\",\"Bấm\")", rows.get(2).get(ExportFiles.column(rows, "sampleText")));
        assertEquals(false, ExportFiles.xlsxHasFormula(xlsx));
    }

    @Test
    void aFilterTheListRefusesIsRefusedForAFileAlikeAsAProblem() {
        as("viewer").queryParam("minCount", 0).queryParam("format", "csv").when().get("/api/v1/feedback/clusters")
                .then().statusCode(400).contentType("application/problem+json");
        as("viewer").queryParam("sort", "sampleText").accept("text/csv").when().get("/api/v1/feedback/clusters")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/feedback/clusters").then().statusCode(403);
    }

    private static String cluster(String text, int items, int hoursLater) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            FeedbackCluster cluster = new FeedbackCluster();
            cluster.id = id;
            // Nothing another test submits may join it: clustering compares new items with this text.
            cluster.representative = "export-test " + id;
            cluster.sampleText = text;
            cluster.topicCode = "FALSE_INFORMATION";
            cluster.itemCount = items;
            cluster.firstSeen = LATER.plusHours(hoursLater);
            cluster.lastSeen = cluster.firstSeen.plusMinutes(30);
            cluster.createdAt = OffsetDateTime.now();
            cluster.persist();
        });
        return id.toString();
    }
}
