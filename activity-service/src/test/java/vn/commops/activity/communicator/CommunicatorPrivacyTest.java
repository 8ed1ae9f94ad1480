package vn.commops.activity.communicator;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.activity.activity.ActivityEvents;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

/** Communicators, their trainings and activities; their contacts reach only managers of their unit. */
@QuarkusTest
class CommunicatorPrivacyTest {

    private static final String PHONE = "0912 345 678";
    private static final String EMAIL = "huyen.lt@example.vn";

    private String province;
    private String commune;

    @BeforeEach
    void units() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
    }

    private String register(String name) {
        return as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("fullName", name,
                        "kind", "COLLABORATOR", "orgUnitCode", commune, "role", "Cộng tác viên thu",
                        "contact", Map.of("phone", PHONE, "email", EMAIL, "lawfulBasis", "CONTRACT")))
                .when().post("/api/v1/communicators").then().statusCode(201)
                .body("contact.phone", equalTo(PHONE)).extract().path("id");
    }

    @Test
    void theContactIsReturnedOnlyToManagersOfTheUnitAndNeverListed() {
        String id = register("Lục Thị Huyền");
        as("unit-manager", province).when().get("/api/v1/communicators/" + id).then().statusCode(200)
                .body("contact.phone", equalTo(PHONE)).body("contact.email", equalTo(EMAIL));
        as("unit-officer", commune).when().get("/api/v1/communicators/" + id).then().statusCode(200)
                .body("fullName", equalTo("Lục Thị Huyền")).body("contact", nullValue());
        String elsewhere = OrgUnitEventsFixture.knownProvinceAndCommune()[0];
        as("unit-manager", elsewhere).when().get("/api/v1/communicators/" + id).then().body("contact", nullValue());
        String list = asNationalAdmin().queryParam("orgUnit", commune).when().get("/api/v1/communicators")
                .then().statusCode(200).body("items.id", contains(id)).extract().asString();
        assertFalse(list.contains(PHONE) || list.contains(EMAIL), list);
    }

    @Test
    void theActivitiesACommunicatorRanAreListedAndTheirEventsCarryNoContact() {
        String id = register("Hoàng Văn Minh");
        Map<String, Object> group = Fixtures.smallGroup(commune);
        group.put("communicatorIds", List.of(id));
        String activity = as("unit-officer", commune).contentType(ContentType.JSON).body(group)
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");

        as("unit-officer", commune).when().get("/api/v1/communicators/" + id + "/activities").then().statusCode(200)
                .body("items.id", contains(activity)).body("totalItems", equalTo(1));
        String event = TopicProbe.awaitEvent(ActivityEvents.TOPIC, ActivityEvents.RECORDED, activity).value().toString();
        assertFalse(event.contains(PHONE) || event.contains(EMAIL) || event.contains("Hoàng Văn Minh"), event);

        group.put("communicatorIds", List.of(UUID.randomUUID().toString()));
        as("unit-officer", commune).contentType(ContentType.JSON).body(group)
                .when().post("/api/v1/activities").then().statusCode(422)
                .body("errors.field", contains("communicatorIds[0]"));
    }

    @Test
    void aTrainingRecordsItsAttendees() {
        String first = register("Lò Văn Páo");
        String second = register("Vàng Thị Mỷ");
        String lecturer = as("unit-manager", province).contentType(ContentType.JSON).body(Map.of(
                        "fullName", "Nguyễn Văn Giảng", "kind", "KEY_LECTURER", "orgUnitCode", province))
                .when().post("/api/v1/communicators").then().statusCode(201).extract().path("id");
        String training = as("unit-manager", province).contentType(ContentType.JSON).body(Map.of(
                        "topic", "Kỹ năng tuyên truyền nhóm nhỏ", "kind", "INITIAL", "lecturerId", lecturer,
                        "orgUnitCode", province, "heldOn", "2024-05-08", "hours", 8,
                        "participants", List.of(Map.of("communicatorId", first), Map.of("communicatorId", second))))
                .when().post("/api/v1/trainings").then().statusCode(201).extract().path("id");
        asNationalAdmin().when().get("/api/v1/trainings/" + training).then().statusCode(200)
                .body("attendeeIds.size()", equalTo(2));
        asNationalAdmin().queryParam("attendee", second).when().get("/api/v1/trainings").then().statusCode(200)
                .body("items.id", contains(training));
        as("unit-manager", province).contentType(ContentType.JSON).body(Map.of(
                        "topic", "x", "kind", "INITIAL", "lecturerId", lecturer, "orgUnitCode", province,
                        "heldOn", "2024-05-08", "hours", 4,
                        "participants", List.of(Map.of("communicatorId", UUID.randomUUID().toString()))))
                .when().post("/api/v1/trainings").then().statusCode(422)
                .body("errors.field", contains("participants[0].communicatorId"));
        as("unit-officer", commune).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/trainings").then().statusCode(403).body("type", not(equalTo(null)));
    }
}
