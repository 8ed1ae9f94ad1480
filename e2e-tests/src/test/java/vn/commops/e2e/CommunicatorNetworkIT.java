package vn.commops.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.e2e.Gateway.as;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The master plan's network of communicators and key lecturers through the gateway: a province registers
 * its collaborators and a key lecturer, records a training with hours and certificates, updates one
 * collaborator, deactivates another (who may then not be named on a new activity), reads who needs
 * retraining, and a contact read shows in the audit.
 */
class CommunicatorNetworkIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    private static String register(String manager, String name, String kind, String unit, String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("fullName", name, "kind", kind, "orgUnitCode", unit));
        if (phone != null) {
            body.put("contact", Map.of("phone", phone, "lawfulBasis", "CONTRACT"));
        }
        return as("lc-manager", manager).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/communicators").then().statusCode(201).extract().path("id");
    }

    @Test
    void aProvinceTrainsItsNetworkAndSeesWhoNeedsRetraining() {
        String[] units = Gateway.createHierarchy("LC", "Bảo hiểm xã hội tỉnh Lào Cai", "Xã Hồ Phai");
        String province = units[1];
        String commune = units[2];
        // activity-service knows the unit once it has consumed plan-service's event; until then a 422 stores nothing
        Gateway.awaitKnown(() -> as("lc-manager", province).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Nguyễn Văn Giảng", "kind", "KEY_LECTURER", "orgUnitCode", province))
                .post("/api/v1/communicators").statusCode());
        String lecturer = as("viewer").queryParam("orgUnit", province).queryParam("kind", "KEY_LECTURER")
                .when().get("/api/v1/communicators").then().statusCode(200).extract().path("items[0].id");
        String huyen = register(province, "Lục Thị Huyền", "COLLABORATOR", commune, "0912 345 678");
        String minh = register(province, "Hoàng Văn Minh", "COLLABORATOR", commune, null);
        String pao = register(province, "Lò Văn Páo", "VILLAGE_HEAD", commune, null);

        LocalDate heldOn = TODAY.minusMonths(23);
        String certificate = "LC-" + UUID.randomUUID().toString().substring(0, 8);
        as("lc-manager", province).contentType(ContentType.JSON).body(Map.of(
                        "clientId", UUID.randomUUID().toString(),
                        "topic", "Kỹ năng tuyên truyền nhóm nhỏ về BHXH tự nguyện", "kind", "INITIAL",
                        "lecturerId", lecturer, "orgUnitCode", province, "heldOn", heldOn.toString(), "hours", 8,
                        "participants", List.of(
                                Map.of("communicatorId", huyen, "certificateNumber", certificate),
                                Map.of("communicatorId", minh),
                                Map.of("communicatorId", pao, "attended", false))))
                .when().post("/api/v1/trainings").then().statusCode(201)
                .body("attendeeIds", contains(huyen, minh))
                .body("participants[0].certificate.validUntil", equalTo(heldOn.plusMonths(24).toString()));
        as("lc-manager", province).contentType(ContentType.JSON).body(Map.of(
                        "topic", "x", "kind", "INITIAL", "lecturerId", minh, "orgUnitCode", province,
                        "heldOn", TODAY.toString(), "hours", 2, "participants", List.of(Map.of("communicatorId", pao))))
                .when().post("/api/v1/trainings").then().statusCode(422).body("errors.field", contains("lecturerId"));

        String etag = as("lc-manager", province).when().get("/api/v1/communicators/" + minh).then().statusCode(200)
                .extract().header("ETag");
        as("lc-manager", province).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("fullName", "Hoàng Văn Minh", "kind", "COLLABORATOR", "orgUnitCode", commune,
                        "role", "Cộng tác viên thu BHXH tự nguyện"))
                .when().put("/api/v1/communicators/" + minh).then().statusCode(200)
                .body("role", equalTo("Cộng tác viên thu BHXH tự nguyện"));
        as("lc-manager", province).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("fullName", "Hoàng Minh", "kind", "COLLABORATOR", "orgUnitCode", commune))
                .when().put("/api/v1/communicators/" + minh).then().statusCode(412);

        as("lc-manager", province).contentType(ContentType.JSON).body(Map.of("reason", "LEFT_THE_UNIT"))
                .when().post("/api/v1/communicators/" + pao + "/deactivation").then().statusCode(200)
                .body("active", equalTo(false));
        OffsetDateTime startedAt = OffsetDateTime.now().plusSeconds(1);
        Map<String, Object> group = new HashMap<>(Map.of("orgUnitCode", commune, "form", "SMALL_GROUP",
                "title", "Tuyên truyền nhóm nhỏ tại thôn Hồ Phai", "startedAt", startedAt.toString(),
                "endedAt", startedAt.plusHours(2).toString(), "attendance", 30,
                "communicatorIds", List.of(pao, huyen)));
        as("lc-officer", commune).contentType(ContentType.JSON).body(group)
                .when().post("/api/v1/activities").then().statusCode(422)
                .body("errors.field", contains("communicatorIds[0]"));

        // Huyền's certificate lapses within 90 days and she trained 0 hours this year; Minh has none; Páo is gone.
        as("lc-manager", province).queryParam("orgUnit", province).queryParam("within", "P90D")
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(200)
                .body("items.communicatorId", contains(minh, lecturer, huyen))
                .body("items[2].reasons", contains("CERTIFICATE_EXPIRING", "TOO_FEW_HOURS"));
        String csv = as("lc-manager", province).queryParam("orgUnit", province).queryParam("format", "csv")
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(200).extract().asString();
        assertEquals(4, csv.strip().lines().count(), csv);
        assertTrue(!csv.contains("0912 345 678"), csv);

        as("lc-manager", province).when().get("/api/v1/communicators/" + huyen).then().statusCode(200)
                .body("contact.phone", equalTo("0912 345 678"));
        as("national-admin").when().get("/api/v1/communicators/" + huyen + "/contact-accesses").then()
                .statusCode(200).body("action", hasItem("READ")).body("accessedBy", hasItem("lc-manager"));
    }
}
