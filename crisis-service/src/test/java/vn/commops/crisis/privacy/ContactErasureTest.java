package vn.commops.crisis.privacy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.crisis.Feedbacks;

/** A person's contacts are erased on request, everywhere in the service, while their feedback stays. */
@QuarkusTest
class ContactErasureTest {

    private static RequestSpecification asDpo() {
        return as("data-protection-officer").contentType(ContentType.JSON);
    }

    private static String phone() {
        return "09" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    static String submitWithContact(String text, String contact) {
        Map<String, Object> item = Feedbacks.item("HOTLINE", text, OrgUnitEventsFixture.knownCommune());
        item.put("contact", contact);
        item.put("lawfulBasis", "PUBLIC_TASK");
        return Feedbacks.submit(item);
    }

    @Test
    void erasingByIdentifierTombstonesEveryContactOfThePersonAndKeepsTheFeedback() {
        String phone = phone();
        String first = submitWithContact("Xin gọi lại về BHXH tự nguyện", phone);
        // The same number written another way is the same person.
        String second = submitWithContact("Tôi hỏi lại lần nữa", "+84 " + phone.substring(1, 4) + "." + phone.substring(4));
        String someoneElse = submitWithContact("Người khác hỏi", phone());

        String answer = asDpo().body(Map.of("identifier", phone, "reason", "Yêu cầu xoá dữ liệu, đơn số 12/2024"))
                .when().post("/api/v1/feedback/contact-erasures").then().statusCode(201)
                .body("cause", equalTo("REQUEST")).body("requestedBy", equalTo("data-protection-officer-user"))
                .body("contactsErased", equalTo(2)).body("erasedFeedbackIds", containsInAnyOrder(first, second))
                .extract().asString();
        assertFalse(answer.contains(phone.substring(1)), "the erasure record names the person: " + answer);
        String erasureId = io.restassured.path.json.JsonPath.from(answer).getString("id");

        for (String id : List.of(first, second)) {
            as("crisis-analyst").when().get("/api/v1/feedback/" + id + "/contact").then().statusCode(200)
                    .body("contact", startsWith("erased on ")).body("contact", org.hamcrest.Matchers.endsWith(erasureId))
                    .body("erasedAt", notNullValue());
            as("crisis-analyst").when().get("/api/v1/feedback/" + id).then().statusCode(200)
                    .body("hasContact", equalTo(false)).body("text", notNullValue());
            as("data-protection-officer").when().get("/api/v1/feedback/" + id + "/contact-accesses").then()
                    .statusCode(200).body("action", hasItem("ERASED")).body("erasureId", hasItem(erasureId));
        }
        as("crisis-analyst").when().get("/api/v1/feedback/" + someoneElse + "/contact").then().statusCode(200)
                .body("erasedAt", nullValue()).body("contact", org.hamcrest.Matchers.not(startsWith("erased")));

        // Nothing is held any more, and the earlier erasure is matched by its keyed hash.
        asDpo().body(Map.of("identifier", phone)).when().post("/api/v1/feedback/subject-access-exports").then()
                .statusCode(200).body("contacts.size()", equalTo(0)).body("earlierErasures.id", contains(erasureId));
        as("data-protection-officer").when().get("/api/v1/feedback/contact-erasures/" + erasureId).then()
                .statusCode(200).body("contactsErased", equalTo(2));
    }

    @Test
    void erasingOneItemLeavesThePersonsOtherContacts() {
        String phone = phone();
        String erased = submitWithContact("Lần một", phone);
        String kept = submitWithContact("Lần hai", phone);
        asDpo().body(Map.of("feedbackId", erased, "reason", "Người gửi yêu cầu xoá qua tổng đài"))
                .when().post("/api/v1/feedback/contact-erasures").then().statusCode(201)
                .body("contactsErased", equalTo(1)).body("feedbackId", equalTo(erased));
        as("crisis-analyst").when().get("/api/v1/feedback/" + kept + "/contact").then().body("contact", equalTo(phone));
    }

    @Test
    void theExportShowsWhatIsHeldWhyUntilWhenAndWhoReadIt() {
        String email = "nguoidan." + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.vn";
        Map<String, Object> item = Feedbacks.item("EMAIL", "Tôi muốn hỏi về lương hưu", OrgUnitEventsFixture.knownCommune());
        item.put("contact", "Email: " + email.toUpperCase());
        item.put("lawfulBasis", "CONSENT");
        item.put("consentTextVersion", "portal-consent-v3");
        item.put("consentGivenAt", "2024-05-13T09:12:00+07:00");
        String id = Feedbacks.submit(item);
        as("crisis-analyst").when().get("/api/v1/feedback/" + id + "/contact").then().statusCode(200);

        asDpo().body(Map.of("identifier", email)).when().post("/api/v1/feedback/subject-access-exports").then()
                .statusCode(200).body("identifier", equalTo(email)).body("contacts.feedbackId", contains(id))
                .body("contacts[0].text", equalTo("Tôi muốn hỏi về lương hưu"))
                .body("contacts[0].lawfulBasis", equalTo("CONSENT"))
                .body("contacts[0].consentTextVersion", equalTo("portal-consent-v3"))
                .body("contacts[0].retainedUntil", notNullValue())
                .body("contacts[0].accesses.action", contains("READ", "EXPORTED"));
        as("national-admin").when().get("/api/v1/feedback/" + id + "/contact-accesses").then()
                .body("action", contains("READ", "EXPORTED")).body("accessedBy[1]", equalTo("data-protection-officer-user"));
    }

    @Test
    void aContactWithoutItsLawfulBasisIsRefusedNamingTheField() {
        String unit = OrgUnitEventsFixture.knownCommune();
        Map<String, Object> noBasis = Feedbacks.item("HOTLINE", "Gọi lại giúp tôi", unit);
        noBasis.put("contact", phone());
        as("crisis-analyst").contentType(ContentType.JSON).body(noBasis).when().post("/api/v1/feedback").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:lawful-basis-required"))
                .body("errors.field", contains("lawfulBasis"));

        Map<String, Object> consentWithoutText = new HashMap<>(noBasis);
        consentWithoutText.put("lawfulBasis", "CONSENT");
        as("crisis-analyst").contentType(ContentType.JSON).body(consentWithoutText).when().post("/api/v1/feedback")
                .then().statusCode(422).body("errors.field", contains("consentTextVersion"));

        as("national-admin").contentType(ContentType.JSON).body(List.of(noBasis))
                .when().post("/api/v1/feedback/batches").then().statusCode(200)
                .body("items[0].outcome", equalTo("REJECTED")).body("items[0].errors.field", contains("lawfulBasis"));

        // Without a contact there is nothing to justify.
        Feedbacks.submit(Feedbacks.item("HOTLINE", "Không để lại liên lạc", unit));
    }

    @Test
    void onlyTheDataProtectionOfficerAndNationalAdminsEraseOrExport() {
        Map<String, Object> erase = Map.of("identifier", phone(), "reason", "thử");
        for (String role : List.of("crisis-analyst", "unit-manager", "viewer")) {
            as(role).contentType(ContentType.JSON).body(erase).when().post("/api/v1/feedback/contact-erasures")
                    .then().statusCode(403);
            as(role).contentType(ContentType.JSON).body(Map.of("identifier", phone()))
                    .when().post("/api/v1/feedback/subject-access-exports").then().statusCode(403);
        }
        as("national-admin").contentType(ContentType.JSON).body(erase).when().post("/api/v1/feedback/contact-erasures")
                .then().statusCode(201).body("contactsErased", equalTo(0));
    }

    @Test
    void anErasureNamesExactlyOneSubjectAndAReason() {
        asDpo().body(Map.of("reason", "thiếu chủ thể")).when().post("/api/v1/feedback/contact-erasures").then()
                .statusCode(400).body("errors.field", contains("identifier"));
        asDpo().body(Map.of("identifier", "Nguyễn Văn A", "reason", "không phải số")).when()
                .post("/api/v1/feedback/contact-erasures").then().statusCode(422).body("errors.field", contains("identifier"));
        asDpo().body(Map.of("identifier", phone())).when().post("/api/v1/feedback/contact-erasures").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        asDpo().body(Map.of("identifier", "x@example.vn")).when().post("/api/v1/feedback/subject-access-exports")
                .then().statusCode(200).body("contacts.size()", equalTo(0));
    }
}
