package vn.commops.activity.communicator;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

/** Updating and deactivating communicators, trainings by registered key lecturers, and who needs retraining. */
@QuarkusTest
class CommunicatorNetworkTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private String province;
    private String commune;

    @BeforeEach
    void units() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
    }

    private String register(String name, String kind, String unit) {
        return as("unit-manager", province).contentType(ContentType.JSON)
                .body(Map.of("fullName", name, "kind", kind, "orgUnitCode", unit))
                .when().post("/api/v1/communicators").then().statusCode(201).extract().path("id");
    }

    private void deactivate(String id) {
        as("unit-manager", province).contentType(ContentType.JSON)
                .body(Map.of("reason", "LEFT_THE_UNIT", "note", "Chuyển công tác"))
                .when().post("/api/v1/communicators/" + id + "/deactivation").then().statusCode(200)
                .body("active", equalTo(false)).body("deactivationReason", equalTo("LEFT_THE_UNIT"));
    }

    private static Map<String, Object> participant(String id, String certificate, LocalDate issuedOn) {
        Map<String, Object> participant = new HashMap<>();
        participant.put("communicatorId", id);
        if (certificate != null) {
            participant.put("certificateNumber", certificate);
            participant.put("certificateIssuedOn", issuedOn.toString());
        }
        return participant;
    }

    private Map<String, Object> training(String lecturer, String kind, LocalDate heldOn, int hours,
            List<Map<String, Object>> participants) {
        return new HashMap<>(Map.of("topic", "Kỹ năng tuyên truyền BHXH tự nguyện", "kind", kind,
                "lecturerId", lecturer, "orgUnitCode", province, "heldOn", heldOn.toString(), "hours", hours,
                "participants", participants));
    }

    private static String certificate() {
        return "CC-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anUpdateWithAStaleIfMatchIsRefusedAndChangesNothing() {
        String id = register("Lò Văn Páo", "COLLABORATOR", commune);
        String etag = as("unit-manager", province).when().get("/api/v1/communicators/" + id).then().statusCode(200)
                .extract().header("ETag");
        Map<String, Object> update = Map.of("fullName", "Lò Văn Pảo", "kind", "VILLAGE_HEAD", "orgUnitCode", commune,
                "role", "Trưởng thôn");
        as("unit-manager", province).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .when().put("/api/v1/communicators/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("kind", equalTo("VILLAGE_HEAD")).body("version", equalTo(1));
        as("unit-manager", province).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("fullName", "Someone else", "kind", "OFFICER", "orgUnitCode", commune))
                .when().put("/api/v1/communicators/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("errors.field", contains("If-Match"));
        as("unit-manager", province).contentType(ContentType.JSON).body(update)
                .when().put("/api/v1/communicators/" + id).then().statusCode(428);
        asNationalAdmin().when().get("/api/v1/communicators/" + id).then()
                .body("fullName", equalTo("Lò Văn Pảo")).body("version", equalTo(1));
        TopicProbe.awaitEvent(CommunicatorEvents.TOPIC, CommunicatorEvents.UPDATED, id);
    }

    @Test
    void aChangedContactIsAuditedAndTheUpdateShowsInTheFeedWithoutIt() {
        String id = register("Vàng Thị Mỷ", "COLLABORATOR", commune);
        String start = feedEnd();
        as("unit-manager", province).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("fullName", "Vàng Thị Mỷ", "kind", "COLLABORATOR", "orgUnitCode", commune,
                        "contact", Map.of("phone", "0987 654 321", "lawfulBasis", "CONTRACT")))
                .when().put("/api/v1/communicators/" + id).then().statusCode(200)
                .body("contact.phone", equalTo("0987 654 321")).body("version", equalTo(1));
        asNationalAdmin().when().get("/api/v1/communicators/" + id + "/contact-accesses").then().statusCode(200)
                .body("action", hasItem("CHANGED"));
        // The feed serves a change once every transaction older than it has ended, on the whole server: wait for it.
        String feed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("viewer").queryParam("updatedSince", start).when()
                        .get("/api/v1/communicators/changes").then().statusCode(200).extract().asString(),
                        body -> body.contains(id));
        assertFalse(feed.contains("0987 654 321"), feed);
        String event = TopicProbe.awaitEvent(CommunicatorEvents.TOPIC, CommunicatorEvents.UPDATED, id).value().toString();
        assertFalse(event.contains("0987 654 321") || event.contains("Vàng Thị Mỷ"), event);
        assertTrue(event.contains("\"contactChanged\":true"), event);
    }

    private static String feedEnd() {
        String start = null;
        JsonPath page;
        do {
            var request = as("viewer").queryParam("limit", 5000);
            if (start != null) {
                request.queryParam("updatedSince", start);
            }
            page = request.when().get("/api/v1/communicators/changes").then().statusCode(200).extract().jsonPath();
            start = page.getString("nextCursor");
        } while (page.getBoolean("hasMore"));
        return start;
    }

    @Test
    void aDeactivatedCommunicatorIsRefusedOnANewActivityButStaysOnPastOnes() {
        String id = register("Hoàng Văn Minh", "COLLABORATOR", commune);
        Map<String, Object> before = Fixtures.smallGroup(commune);
        before.put("communicatorIds", List.of(id));
        String past = as("unit-officer", commune).contentType(ContentType.JSON).body(before)
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        deactivate(id);
        String event = TopicProbe.awaitEvent(CommunicatorEvents.TOPIC, CommunicatorEvents.DEACTIVATED, id)
                .value().toString();
        assertFalse(event.contains("Chuyển công tác"), "no free text in events: " + event);

        Map<String, Object> after = Fixtures.smallGroup(commune);
        OffsetDateTime now = OffsetDateTime.now().plusSeconds(1);
        after.put("startedAt", now.toString());
        after.put("endedAt", now.plusHours(1).toString());
        after.put("communicatorIds", List.of(id));
        as("unit-officer", commune).contentType(ContentType.JSON).body(after)
                .when().post("/api/v1/activities").then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:communicator-deactivated"))
                .body("errors.field", contains("communicatorIds[0]"));
        after.put("externalId", UUID.randomUUID().toString());
        asNationalAdmin().contentType(ContentType.JSON).body(List.of(after)).queryParam("mode", "per-record")
                .when().post("/api/v1/activities/batches").then().statusCode(200)
                .body("rejected", equalTo(1)).body("results[0].errors.field", contains("communicatorIds[0]"));

        as("unit-officer", commune).when().get("/api/v1/communicators/" + id).then().statusCode(200)
                .body("active", equalTo(false));
        as("unit-officer", commune).when().get("/api/v1/communicators/" + id + "/activities").then()
                .body("items.id", contains(past));
        Map<String, Object> late = Fixtures.smallGroup(commune);
        late.put("communicatorIds", List.of(id));
        late.put("title", "Báo cáo muộn buổi tuyên truyền trước khi nghỉ");
        as("unit-officer", commune).contentType(ContentType.JSON).body(late)
                .when().post("/api/v1/activities").then().statusCode(201);
    }

    @Test
    void aReactivatedCommunicatorMayBeNamedAgain() {
        String id = register("Lù Thị Hoa", "COLLABORATOR", commune);
        deactivate(id);
        deactivate(id);
        as("unit-manager", province).when().post("/api/v1/communicators/" + id + "/reactivation").then()
                .statusCode(200).body("active", equalTo(true)).body("deactivatedAt", nullValue());
        TopicProbe.awaitEvent(CommunicatorEvents.TOPIC, CommunicatorEvents.REACTIVATED, id);
        Map<String, Object> now = Fixtures.smallGroup(commune);
        OffsetDateTime at = OffsetDateTime.now().plusSeconds(1);
        now.put("startedAt", at.toString());
        now.put("endedAt", at.plusHours(1).toString());
        now.put("communicatorIds", List.of(id));
        as("unit-officer", commune).contentType(ContentType.JSON).body(now)
                .when().post("/api/v1/activities").then().statusCode(201);
        asNationalAdmin().queryParam("orgUnit", commune).queryParam("active", false)
                .when().get("/api/v1/communicators").then().body("totalItems", equalTo(0));
    }

    @Test
    void theLecturerMustBeAnActiveRegisteredKeyLecturer() {
        String attendee = register("Giàng A Sử", "COLLABORATOR", commune);
        String officer = register("Trần Văn Cán", "OFFICER", province);
        String retired = register("Phạm Thị Giảng", "KEY_LECTURER", province);
        deactivate(retired);
        for (String lecturer : List.of(officer, retired, UUID.randomUUID().toString())) {
            as("unit-manager", province).contentType(ContentType.JSON)
                    .body(training(lecturer, "INITIAL", TODAY, 8, List.of(participant(attendee, null, null))))
                    .when().post("/api/v1/trainings").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", contains("lecturerId"));
        }
        asNationalAdmin().queryParam("attendee", attendee).when().get("/api/v1/trainings").then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void aCertificateExpiresAfterTheValidityOfItsTrainingsKind() {
        String lecturer = register("Nguyễn Văn Giảng", "KEY_LECTURER", province);
        String collaborator = register("Sùng A Páo", "COLLABORATOR", commune);
        String absent = register("Vừ Thị Dế", "COLLABORATOR", commune);
        LocalDate heldOn = TODAY.minusDays(10);
        String number = certificate();
        UUID clientId = UUID.randomUUID();
        Map<String, Object> body = training(lecturer, "INITIAL", heldOn, 8, List.of(
                participant(collaborator, number, heldOn.plusDays(2)),
                Map.of("communicatorId", absent, "attended", false)));
        body.put("clientId", clientId.toString());
        String id = as("unit-manager", province).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/trainings").then().statusCode(201)
                .body("lecturerId", equalTo(lecturer)).body("hours", equalTo(8))
                .body("attendeeIds", contains(collaborator))
                .body("participants[0].certificate.validUntil", equalTo(heldOn.plusDays(2).plusMonths(24).toString()))
                .body("participants[1].attended", equalTo(false))
                .extract().path("id");
        as("unit-manager", province).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/trainings").then().statusCode(200).body("id", equalTo(id));
        String event = TopicProbe.awaitEvent(CommunicatorEvents.TOPIC, CommunicatorEvents.TRAINING_RECORDED, id)
                .value().toString();
        assertFalse(event.contains(number), "certificate numbers stay here: " + event);

        String trainer = certificate();
        as("unit-manager", province).contentType(ContentType.JSON)
                .body(training(lecturer, "TRAINING_OF_TRAINERS", heldOn, 16, List.of(participant(collaborator, trainer, heldOn))))
                .when().post("/api/v1/trainings").then().statusCode(201)
                .body("participants[0].certificate.validUntil", equalTo(heldOn.plusMonths(36).toString()));

        JsonPath refused = as("unit-manager", province).contentType(ContentType.JSON)
                .body(training(lecturer, "REFRESHER", heldOn, 4, List.of(participant(collaborator, number, heldOn),
                        Map.of("communicatorId", absent, "attended", false, "certificateNumber", certificate()),
                        participant(collaborator, certificate(), heldOn.minusDays(1)))))
                .when().post("/api/v1/trainings").then().statusCode(422).extract().jsonPath();
        assertEquals(List.of("participants[1].certificateNumber", "participants[2].communicatorId",
                "participants[2].certificateIssuedOn", "participants[0].certificateNumber"),
                refused.getList("errors.field"));
    }

    @Test
    void theRetrainingListNamesWhoseCertificateLapsesOrWhoTrainedTooLittle() {
        String[] elsewhere = OrgUnitEventsFixture.knownProvinceAndCommune();
        String lecturer = as("unit-manager", elsewhere[0]).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Nguyễn Văn Giảng", "kind", "KEY_LECTURER", "orgUnitCode", elsewhere[0]))
                .when().post("/api/v1/communicators").then().statusCode(201).extract().<String>path("id");
        String expiring = register("An Văn Sắp", "COLLABORATOR", commune);
        String current = register("Bùi Thị Đủ", "COLLABORATOR", commune);
        String uncertified = register("Cao Văn Chưa", "COLLABORATOR", commune);
        String expired = register("Đinh Thị Hết", "OFFICER", province);
        String gone = register("Lê Văn Nghỉ", "COLLABORATOR", commune);
        deactivate(gone);
        LocalDate longAgo = TODAY.minusMonths(22);
        as("national-admin").contentType(ContentType.JSON).body(training(lecturer, "INITIAL", longAgo, 8,
                        List.of(participant(expiring, certificate(), longAgo))))
                .when().post("/api/v1/trainings").then().statusCode(201);
        LocalDate older = TODAY.minusMonths(25);
        as("national-admin").contentType(ContentType.JSON).body(training(lecturer, "INITIAL", older, 8,
                        List.of(participant(expired, certificate(), older))))
                .when().post("/api/v1/trainings").then().statusCode(201);
        LocalDate recent = TODAY.minusMonths(1);
        as("national-admin").contentType(ContentType.JSON).body(training(lecturer, "REFRESHER", recent, 20,
                        List.of(participant(current, certificate(), recent), participant(uncertified, null, null))))
                .when().post("/api/v1/trainings").then().statusCode(201);

        as("unit-officer", province).queryParam("orgUnit", province).queryParam("within", "P90D")
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.communicatorId", contains(uncertified, expired, expiring))
                .body("items[0].reasons", contains("NO_CERTIFICATE"))
                .body("items[0].recentHours", equalTo(20))
                .body("items[1].reasons", contains("CERTIFICATE_EXPIRED", "TOO_FEW_HOURS"))
                .body("items[2].reasons", contains("CERTIFICATE_EXPIRING", "TOO_FEW_HOURS"))
                .body("items[2].certificateValidUntil", equalTo(longAgo.plusMonths(24).toString()));
        as("unit-officer", province).queryParam("orgUnit", commune).queryParam("within", "P30D")
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(200)
                .body("items.communicatorId", contains(uncertified, expiring))
                .body("items[1].reasons", contains("TOO_FEW_HOURS"));
        String csv = as("unit-officer", province).queryParam("orgUnit", province).queryParam("format", "csv")
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(200).extract().asString()
                .replace("\uFEFF", "");
        assertEquals(4, csv.strip().lines().count(), csv);
        assertTrue(csv.startsWith("communicatorId,fullName,kind,orgUnitCode,certificateValidUntil,recentHours,reasons"),
                csv);

        as("unit-officer", elsewhere[0]).queryParam("orgUnit", province)
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(403)
                .body("errors.field", contains("orgUnit"));
        as("unit-officer", province).queryParam("orgUnit", province).queryParam("within", "90 days")
                .when().get("/api/v1/communicators/retraining-due").then().statusCode(400)
                .body("errors.field", contains("within"));
        as("unit-officer", province).when().get("/api/v1/communicators/retraining-due").then().statusCode(400);
    }
}
