package vn.commops.activity.communicator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.testing.ExportFiles;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Trainings as a unit keeps them in a spreadsheet: the list's filters and order, one row a training. */
@QuarkusTest
class TrainingExportTest {

    @Test
    void aUnitsTrainingsComeOutLatestFirstWithTheirAttendeesAndHoursAsNumbers() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String province = units[0];
        String lecturer = register(province, "Nguyễn Văn Giảng", "KEY_LECTURER", province);
        String hoa = register(province, "Nguyễn Thị Hoa", "COLLABORATOR", units[1]);
        String binh = register(province, "Trần Văn Bình", "COLLABORATOR", units[1]);
        record(province, lecturer, province, "2024-03-02", 8, List.of(hoa, binh));
        record(province, lecturer, province, "2024-05-10", 4.5, List.of(binh));
        record(province, lecturer, province, "2024-04-20", 16, List.of(hoa));
        record(province, lecturer, units[1], "2024-06-01", 2, List.of(hoa));

        byte[] csv = as("viewer").queryParam("orgUnit", province).queryParam("format", "csv")
                .when().get("/api/v1/trainings").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"trainings.csv\""))
                .extract().asByteArray();
        byte[] xlsx = as("viewer").queryParam("orgUnit", province).accept(ExportFormat.XLSX_MEDIA_TYPE)
                .when().get("/api/v1/trainings").then().statusCode(200).contentType(ExportFormat.XLSX_MEDIA_TYPE)
                .extract().asByteArray();

        List<List<String>> rows = ExportFiles.csv(csv);
        assertEquals(TrainingExport.COLUMNS.stream().map(c -> c.header()).toList(), rows.get(0));
        assertEquals(rows, ExportFiles.xlsx(xlsx), "hours as numbers read back alike");
        int heldOn = ExportFiles.column(rows, "heldOn");
        int hours = ExportFiles.column(rows, "hours");
        int attendees = ExportFiles.column(rows, "attendeeIds");
        assertEquals(List.of(List.of("2024-05-10", "4.5", binh), List.of("2024-04-20", "16", hoa),
                        List.of("2024-03-02", "8", hoa + ";" + binh)),
                rows.subList(1, rows.size()).stream().map(r -> List.of(r.get(heldOn), r.get(hours), r.get(attendees)))
                        .toList(), "the province's trainings latest first, not the commune's");

        List<List<String>> binhs = ExportFiles.csv(as("viewer").queryParam("attendee", binh).queryParam("format", "csv")
                .when().get("/api/v1/trainings").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("2024-05-10", "2024-03-02"),
                binhs.subList(1, binhs.size()).stream().map(r -> r.get(heldOn)).toList(), "the attendee filter");
    }

    @Test
    void aFilterTheListRefusesIsRefusedForAFileAlikeAsAProblem() {
        as("viewer").queryParam("attendee", "not-a-uuid").accept("text/csv").when().get("/api/v1/trainings")
                .then().statusCode(400).contentType("application/problem+json");
        as("viewer").queryParam("format", "ods").when().get("/api/v1/trainings").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        as("partner").queryParam("format", "csv").when().get("/api/v1/trainings").then().statusCode(403);
    }

    private static String register(String province, String name, String kind, String unit) {
        return as("unit-manager", province).contentType(ContentType.JSON)
                .body(Map.of("fullName", name, "kind", kind, "orgUnitCode", unit))
                .when().post("/api/v1/communicators").then().statusCode(201).extract().path("id");
    }

    private static void record(String province, String lecturer, String unit, String heldOn, Number hours,
            List<String> attendees) {
        as("unit-manager", province).contentType(ContentType.JSON)
                .body(Map.of("topic", "Kỹ năng tuyên truyền BHXH tự nguyện", "kind", "REFRESHER", "lecturerId", lecturer,
                        "orgUnitCode", unit, "heldOn", LocalDate.parse(heldOn).toString(), "hours", hours,
                        "participants", attendees.stream().map(id -> Map.of("communicatorId", id)).toList()))
                .when().post("/api/v1/trainings").then().statusCode(201);
    }
}
