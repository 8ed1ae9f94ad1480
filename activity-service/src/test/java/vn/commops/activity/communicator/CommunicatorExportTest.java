package vn.commops.activity.communicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.ExportFiles;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Communicators as a unit keeps them in a spreadsheet: every one of the filter, never a contact. */
@QuarkusTest
class CommunicatorExportTest {

    private static final String PHONE = "0912345678";
    private static final String EMAIL = "ctv.hophai@example.vn";

    @Test
    void aUnitsCommunicatorsComeOutWithoutTheirContactsInBothFormats() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        register(units[0], units[1], "Nguyễn Thị Hoa", "COLLABORATOR");
        register(units[0], units[1], "@Trần Văn Bình", "COLLABORATOR");
        register(units[0], units[1], "Lê Văn Cường", "OFFICER");
        register(units[0], units[0], "Phạm Thị Dung", "COLLABORATOR");

        for (String format : List.of("csv", "xlsx")) {
            byte[] file = as("unit-manager", units[0]).queryParam("orgUnit", units[1]).queryParam("kind", "COLLABORATOR")
                    .queryParam("format", format).when().get("/api/v1/communicators").then().statusCode(200)
                    .extract().asByteArray();
            String text = new String(file, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(format.equals("xlsx") || !text.contains(PHONE) && !text.contains(EMAIL), "no contact in the CSV");
            List<List<String>> rows = format.equals("csv") ? ExportFiles.csv(file) : ExportFiles.xlsx(file);
            assertEquals(List.of("id", "fullName", "kind", "orgUnitCode", "role", "createdAt", "version", "active",
                    "deactivatedAt", "deactivationReason"), rows.get(0));
            int name = ExportFiles.column(rows, "fullName");
            assertEquals(List.of("'@Trần Văn Bình", "Nguyễn Thị Hoa"),
                    rows.subList(1, rows.size()).stream().map(row -> row.get(name)).sorted().toList(),
                    format + ": the commune's collaborators by name, a leading @ neutralised");
        }
    }

    @Test
    void anOfflineClientSyncsCommunicatorsWithoutContacts() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String start = null;
        io.restassured.path.json.JsonPath page;
        do {
            var request = as("viewer").queryParam("limit", 5000);
            if (start != null) {
                request.queryParam("updatedSince", start);
            }
            page = request.when().get("/api/v1/communicators/changes").then().statusCode(200).extract().jsonPath();
            start = page.getString("nextCursor");
        } while (page.getBoolean("hasMore"));
        register(units[0], units[1], "Hoàng Văn Em", "VILLAGE_HEAD");
        register(units[0], units[1], "Đỗ Thị Gấm", "COLLABORATOR");

        io.restassured.path.json.JsonPath first = as("viewer").queryParam("updatedSince", start).queryParam("limit", 1)
                .when().get("/api/v1/communicators/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Hoàng Văn Em"), first.getList("items.communicator.fullName"));
        assertTrue(first.getBoolean("hasMore"));
        String body = as("viewer").queryParam("updatedSince", first.getString("nextCursor"))
                .when().get("/api/v1/communicators/changes").then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath rest = io.restassured.path.json.JsonPath.from(body);
        assertEquals(List.of("Đỗ Thị Gấm"), rest.getList("items.communicator.fullName"));
        assertEquals(List.of(false), rest.getList("items.removed"));
        assertTrue(!body.contains(PHONE) && !body.contains(EMAIL), "no contact in the feed");
        as("partner").when().get("/api/v1/communicators/changes").then().statusCode(403);
    }

    private static void register(String province, String unit, String name, String kind) {
        as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("fullName", name, "kind", kind,
                        "orgUnitCode", unit, "role", "Cộng tác viên thu",
                        "contact", Map.of("phone", PHONE, "email", EMAIL, "lawfulBasis", "CONTRACT")))
                .when().post("/api/v1/communicators").then().statusCode(201);
    }
}
