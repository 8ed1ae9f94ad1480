package vn.commops.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.commops.e2e.Gateway.as;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decree 13/2023/ND-CP through the gateway: a feedback sender's contact, taken with its lawful basis, is erased
 * at their request by the data-protection officer; a later read shows it gone while the feedback stays, found
 * by its text without diacritics, and the audit shows every read and the erasure.
 */
class PersonalDataIT {

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    @Test
    void anErasedContactIsGoneWhileTheFeedbackStays() {
        String[] units = Gateway.createHierarchy("LC", "Bảo hiểm xã hội tỉnh Lào Cai", "Xã Hồ Phai");
        String commune = units[2];
        String mobile = "9" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> call = new HashMap<>();
        call.put("channel", "HOTLINE");
        call.put("text", "Người dân xã Hồ Phai hỏi về BHXH tự nguyện, xin gọi lại " + marker);
        call.put("orgUnitCode", commune);
        call.put("contact", "0" + mobile);
        call.put("lawfulBasis", "CONSENT");
        call.put("consentTextVersion", "hotline-consent-2024-01");
        String key = "privacy-" + marker;
        // crisis-service knows the unit once it has consumed plan-service's event
        Gateway.awaitKnown(() -> as("crisis-analyst").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(call).post("/api/v1/feedback").statusCode());
        String id = as("crisis-analyst").contentType(ContentType.JSON).header("Idempotency-Key", key).body(call)
                .when().post("/api/v1/feedback").then().statusCode(200).body("hasContact", equalTo(true))
                .extract().path("id");
        as("crisis-analyst").when().get("/api/v1/feedback/" + id + "/contact").then().statusCode(200)
                .body("contact", equalTo("0" + mobile)).body("lawfulBasis", equalTo("CONSENT"));

        // The person asks, giving their number as they write it; the officer erases it.
        String erasureId = as("dpo").contentType(ContentType.JSON)
                .body(Map.of("identifier", "+84 " + mobile, "reason", "Yêu cầu xoá dữ liệu cá nhân qua tổng đài " + marker))
                .when().post("/api/v1/feedback/contact-erasures").then().statusCode(201)
                .body("contactsErased", equalTo(1)).body("erasedFeedbackIds", contains(id))
                .body("requestedBy", equalTo("dpo")).extract().path("id");

        String contact = as("crisis-analyst").when().get("/api/v1/feedback/" + id + "/contact").then().statusCode(200)
                .body("contact", startsWith("erased on ")).body("erasedAt", notNullValue())
                .extract().path("contact");
        assertFalse(contact.contains(mobile), contact);
        as("crisis-analyst").when().get("/api/v1/feedback/" + id).then().statusCode(200)
                .body("text", equalTo(call.get("text"))).body("hasContact", equalTo(false));
        as("viewer").queryParam("q", "ho phai hoi ve bhxh tu nguyen, xin goi lai " + marker).when()
                .get("/api/v1/feedback").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].hasContact", equalTo(false));

        as("dpo").when().get("/api/v1/feedback/" + id + "/contact-accesses").then().statusCode(200)
                .body("action", contains("READ", "ERASED", "READ"))
                .body("accessedBy", contains("crisis-analyst", "dpo", "crisis-analyst"));
        as("dpo").contentType(ContentType.JSON).body(Map.of("identifier", "0" + mobile))
                .when().post("/api/v1/feedback/subject-access-exports").then().statusCode(200)
                .body("contacts.size()", equalTo(0));
        as("dpo").when().get("/api/v1/feedback/contact-erasures/" + erasureId).then().statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("identifier")));
        as("crisis-analyst").contentType(ContentType.JSON).body(Map.of("identifier", "0" + mobile, "reason", "x"))
                .when().post("/api/v1/feedback/contact-erasures").then().statusCode(403);
    }
}
