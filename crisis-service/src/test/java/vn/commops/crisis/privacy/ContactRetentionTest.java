package vn.commops.crisis.privacy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contacts past their retention period (P2Y by default) are anonymised; younger ones are not. */
@QuarkusTest
class ContactRetentionTest {

    @Inject
    ContactRetention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void aContactOlderThanItsRetentionPeriodIsAnonymisedAndAudited() {
        String old = ContactErasureTest.submitWithContact("Phản ánh cũ", "0911 222 333");
        String recent = ContactErasureTest.submitWithContact("Phản ánh mới", "0911 222 444");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update feedback_contact set recorded_at = now() - interval '2 years 1 day' where feedback_id = :id")
                .setParameter("id", UUID.fromString(old)).executeUpdate());

        int anonymised = retention.anonymiseExpired(OffsetDateTime.now());

        assertTrue(anonymised >= 1, "nothing anonymised");
        as("crisis-analyst").when().get("/api/v1/feedback/" + old + "/contact").then().statusCode(200)
                .body("contact", startsWith("anonymised on ")).body("lawfulBasis", equalTo("PUBLIC_TASK"));
        as("crisis-analyst").when().get("/api/v1/feedback/" + old).then().statusCode(200)
                .body("text", equalTo("Phản ánh cũ")).body("hasContact", equalTo(false));
        as("national-admin").when().get("/api/v1/feedback/" + old + "/contact-accesses").then()
                .body("action", contains("ANONYMISED", "READ")).body("accessedBy[0]", equalTo("retention-job"));
        as("crisis-analyst").when().get("/api/v1/feedback/" + recent + "/contact").then()
                .body("contact", equalTo("0911 222 444")).body("erasedAt", nullValue());
        as("data-protection-officer").queryParam("cause", "RETENTION").when().get("/api/v1/feedback/contact-erasures")
                .then().statusCode(200).body("items[0].requestedBy", equalTo("retention-job"));
    }
}
