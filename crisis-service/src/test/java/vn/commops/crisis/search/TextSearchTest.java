package vn.commops.crisis.search;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.text.SearchText;
import vn.commops.crisis.Feedbacks;

/** Feedback and cases are found by text with or without diacritics, through their trigram indexes. */
@QuarkusTest
class TextSearchTest {

    @Inject
    EntityManager entityManager;

    @Test
    void hoPhaiFindsHoPhaiInFeedbackAndCases() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String unit = OrgUnitEventsFixture.knownCommune();
        String feedback = Feedbacks.submit(Feedbacks.item("HOTLINE", "Người dân xã Hồ Phai hỏi về thẻ BHYT " + marker, unit));
        String caseId = as("crisis-analyst").contentType(ContentType.JSON)
                .body(Map.of("title", "Tin đồn ở Hồ Phai " + marker, "severity", "LOW", "topicCode", "FALSE_INFORMATION",
                        "orgUnitCode", unit))
                .when().post("/api/v1/crisis-cases").then().statusCode(201).extract().path("id");

        as("viewer").queryParam("q", "ho phai hoi ve the bhyt " + marker).when().get("/api/v1/feedback").then()
                .statusCode(200).body("items.id", contains(feedback));
        as("viewer").queryParam("q", "HỒ PHAI hỏi về thẻ BHYT " + marker).when().get("/api/v1/feedback").then()
                .body("items.id", contains(feedback));
        as("viewer").queryParam("q", "tin don o ho phai " + marker).when().get("/api/v1/crisis-cases").then()
                .statusCode(200).body("items.id", contains(caseId));
        as("viewer").queryParam("q", "dong " + marker).when().get("/api/v1/crisis-cases").then()
                .body("items.id", not(hasItem(caseId)));
    }

    @Test
    void percentAndUnderscoreAreTakenLiterally() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String unit = OrgUnitEventsFixture.knownCommune();
        String fifty = Feedbacks.submit(Feedbacks.item("PORTAL", marker + " giảm 50% phí", unit));
        String fiveHundred = Feedbacks.submit(Feedbacks.item("PORTAL", marker + " giảm 500 phí", unit));
        String underscore = Feedbacks.submit(Feedbacks.item("PORTAL", marker + " ma_so", unit));
        Feedbacks.submit(Feedbacks.item("PORTAL", marker + " maxso", unit));

        as("viewer").queryParam("q", marker + " giảm 50%").when().get("/api/v1/feedback").then()
                .body("items.id", contains(fifty));
        as("viewer").queryParam("q", marker + " giảm 5").when().get("/api/v1/feedback").then()
                .body("items.id", hasItem(fiveHundred));
        as("viewer").queryParam("q", marker + " ma_so").when().get("/api/v1/feedback").then()
                .body("items.id", contains(underscore));
    }

    @Test
    void theDatabaseFoldsAsTheServiceDoes() {
        List<String> texts = List.of("Bảo hiểm xã hội tỉnh LÀO CAI", "Đồng Tháp", "  Hồ   Phai ", "Ưu đãi Quỹ Hưu trí",
                "Nghệ An, Thừa Thiên Huế", "ĐĂK LĂK", "ỷ ỹ ỵ Ỳ", "e\u0301 decomposed", "50% off_x");
        for (String text : texts) {
            String folded = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                    .createNativeQuery("select search_fold(:text)").setParameter("text", text).getSingleResult());
            assertEquals(SearchText.fold(text), folded, text);
        }
    }

    @Test
    void theSearchesUseTheTrigramIndexes() {
        assertTrue(plan("select id from feedback where search_text like '%ho phai%'").contains("feedback_search_text"),
                "feedback search does not use its index");
        assertTrue(plan("select id from crisis_case where crisis_case_search_text(title, description) like '%ho phai%'")
                .contains("crisis_case_search_text"), "case search does not use its index");
    }

    /** The plan with sequential scans priced out, as on a table large enough for the index to win. */
    private String plan(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = entityManager.createNativeQuery("explain " + query).getResultList();
            return lines.stream().collect(Collectors.joining("\n"));
        });
    }
}
