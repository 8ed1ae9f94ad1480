package vn.commops.activity.privacy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Communicators' contacts: taken with their basis, every read audited, erased, exported and retained. */
@QuarkusTest
class CommunicatorContactErasureTest {

    @Inject
    ContactRetention retention;

    @Inject
    EntityManager entityManager;

    private String province;
    private String commune;

    @BeforeEach
    void units() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
    }

    private static RequestSpecification asDpo() {
        return as("data-protection-officer").contentType(ContentType.JSON);
    }

    private static String phone() {
        return "09" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private String register(String name, Map<String, Object> contact) {
        return as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("fullName", name,
                        "kind", "COLLABORATOR", "orgUnitCode", commune, "contact", contact))
                .when().post("/api/v1/communicators").then().statusCode(201).extract().path("id");
    }

    private String register(String name, String phone) {
        return register(name, Map.of("phone", phone, "lawfulBasis", "CONTRACT"));
    }

    @Test
    void aContactWithoutItsLawfulBasisIsRefusedNamingTheField() {
        as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("fullName", "Lò Văn A",
                        "kind", "COLLABORATOR", "orgUnitCode", commune, "contact", Map.of("phone", phone())))
                .when().post("/api/v1/communicators").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("contact.lawfulBasis"));
        as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("fullName", "Lò Văn A",
                        "kind", "COLLABORATOR", "orgUnitCode", commune,
                        "contact", Map.of("email", "a@example.vn", "lawfulBasis", "CONSENT")))
                .when().post("/api/v1/communicators").then().statusCode(422)
                .body("errors.field", contains("contact.consentTextVersion"));
    }

    @Test
    void everyReadOfAContactIsAudited() {
        String id = register("Sùng Thị Dợ", phone());
        as("unit-manager", province).when().get("/api/v1/communicators/" + id).then().statusCode(200)
                .body("contact.lawfulBasis", equalTo("CONTRACT"));
        // A read that shows no contact is not a read of personal data.
        as("unit-officer", commune).when().get("/api/v1/communicators/" + id).then().body("contact", nullValue());
        as("data-protection-officer").when().get("/api/v1/communicators/" + id + "/contact-accesses").then()
                .statusCode(200).body("action", contains("READ")).body("accessedBy", contains("unit-manager-user"));
        as("unit-manager", province).when().get("/api/v1/communicators/" + id + "/contact-accesses").then()
                .statusCode(403);
    }

    @Test
    void erasingByIdentifierRemovesThePhoneAndKeepsTheCommunicator() {
        String phone = phone();
        String first = register("Giàng A Sình", phone);
        String other = register("Giàng A Chư", "+84 " + phone.substring(1));
        String someoneElse = register("Ly Seo Chứ", phone());

        String answer = asDpo().body(Map.of("identifier", phone, "reason", "Cộng tác viên nghỉ việc, đơn ngày 3/6"))
                .when().post("/api/v1/communicators/contact-erasures").then().statusCode(201)
                .body("contactsErased", equalTo(2)).extract().asString();
        assertFalse(answer.contains(phone.substring(1)), answer);
        String erasureId = JsonPath.from(answer).getString("id");

        for (String id : List.of(first, other)) {
            as("national-admin").when().get("/api/v1/communicators/" + id).then().statusCode(200)
                    .body("fullName", notNullValue()).body("contact.phone", nullValue())
                    .body("contact.erasedAt", notNullValue()).body("contact.erasureId", equalTo(erasureId));
            as("national-admin").when().get("/api/v1/communicators/" + id + "/contact-accesses").then()
                    .body("action", hasItem("ERASED"));
        }
        as("national-admin").when().get("/api/v1/communicators/" + someoneElse).then()
                .body("contact.phone", notNullValue());
        asDpo().body(Map.of("identifier", phone)).when().post("/api/v1/communicators/subject-access-exports").then()
                .statusCode(200).body("contacts.size()", equalTo(0)).body("earlierErasures.id", contains(erasureId));
    }

    @Test
    void theExportShowsWhatIsHeldAndIsAudited() {
        String email = "ctv." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        Map<String, Object> contact = new HashMap<>(Map.of("email", email, "lawfulBasis", "CONSENT",
                "consentTextVersion", "collaborator-consent-2024"));
        String id = register("Vàng Thị Mỷ", contact);
        asDpo().body(Map.of("identifier", email.toUpperCase())).when().post("/api/v1/communicators/subject-access-exports")
                .then().statusCode(200).body("contacts.communicatorId", contains(id))
                .body("contacts[0].fullName", equalTo("Vàng Thị Mỷ"))
                .body("contacts[0].contact.email", equalTo(email))
                .body("contacts[0].contact.consentTextVersion", equalTo("collaborator-consent-2024"))
                .body("contacts[0].retainedUntil", notNullValue())
                .body("contacts[0].accesses.action", contains("EXPORTED"));
        for (String role : List.of("unit-manager", "crisis-analyst", "viewer")) {
            as(role, province).contentType(ContentType.JSON).body(Map.of("identifier", email))
                    .when().post("/api/v1/communicators/subject-access-exports").then().statusCode(403);
        }
    }

    @Test
    void aContactOlderThanItsRetentionPeriodIsAnonymised() {
        String old = register("Thào A Dê", phone());
        String recent = register("Thào A Pó", phone());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update communicator_contact "
                        + "set recorded_at = now() - interval '5 years 1 day' where communicator_id = :id")
                .setParameter("id", UUID.fromString(old)).executeUpdate());

        assertTrue(retention.anonymiseExpired(OffsetDateTime.now()) >= 1, "nothing anonymised");

        as("national-admin").when().get("/api/v1/communicators/" + old).then().statusCode(200)
                .body("contact.phone", nullValue()).body("contact.erasedAt", notNullValue());
        as("national-admin").when().get("/api/v1/communicators/" + old + "/contact-accesses").then()
                .body("action[0]", equalTo("ANONYMISED")).body("accessedBy[0]", equalTo("retention-job"));
        as("national-admin").when().get("/api/v1/communicators/" + recent).then().body("contact.phone", notNullValue());
    }
}
