package vn.commops.crisis;

import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.WriteEndpointEvents.changesNoState;
import static vn.commops.common.testing.WriteEndpointEvents.emits;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.WriteEndpointEvents;
import vn.commops.common.testing.WriteEndpointEvents.Entry;
import vn.commops.crisis.privacy.ContactErasures;

/** Every write endpoint of crisis-service publishes its state change. */
@QuarkusTest
class WriteEndpointEventsTest {

    @Inject
    DataSource dataSource;

    private String unit;

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointPublishesItsChange() {
        unit = OrgUnitEventsFixture.knownCommune();
        Map<String, Entry> catalogue = new TreeMap<>();
        catalogue.put("POST /api/v1/feedback", emits(List.of("feedback.received", "feedback-cluster.formed"),
                () -> () -> Feedbacks.submit(feedback(marker()))));
        catalogue.put("POST /api/v1/feedback/batches", emits(List.of("feedback.received", "feedback-cluster.grew"),
                () -> {
                    String text = marker();
                    Feedbacks.submit(feedback(text));
                    return () -> Feedbacks.submitAll(List.of(feedback(text)));
                }));
        catalogue.put("PUT /api/v1/feedback/{id}/classification", emits("feedback.classified", () -> {
            String id = Feedbacks.submit(feedback(marker()));
            return () -> analyst().body(Map.of("topicCode", "PENSIONS", "sentiment", "NEUTRAL",
                            "falseInformation", false, "reason", "Hỏi về lương hưu"))
                    .when().put("/api/v1/feedback/" + id + "/classification").then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/feedback/{id}/answers", emits("feedback.answer-opened", () -> {
            String id = Feedbacks.submit(feedback(marker()));
            return () -> openAnswer(id);
        }));
        catalogue.put("PUT /api/v1/feedback/{id}/answers/{answerId}", emits("feedback.answered", () -> {
            String id = Feedbacks.submit(feedback(marker()));
            String answer = openAnswer(id);
            return () -> analyst().body(Map.of("text", "Hồ sơ đã được duyệt, chi trả trong tuần."))
                    .when().put("/api/v1/feedback/" + id + "/answers/" + answer).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/topics", emits("topic.created", () -> () -> createTopic()));
        catalogue.put("PUT /api/v1/topics/{code}", emits("topic.updated", () -> {
            String code = createTopic();
            return () -> analyst().header("If-Match", "\"0\"").body(Map.of("nameVi", "Điều chỉnh lương hưu",
                            "nameEn", "Pension adjustment", "active", false))
                    .when().put("/api/v1/topics/" + code).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/classification-rules", emits("classification-rule.created", () -> () ->
                createRule(marker())));
        catalogue.put("PUT /api/v1/classification-rules/{id}", emits("classification-rule.updated", () -> {
            String id = createRule(marker());
            return () -> analyst().body(rule(marker())).when().put("/api/v1/classification-rules/" + id)
                    .then().statusCode(200);
        }));
        catalogue.put("DELETE /api/v1/classification-rules/{id}", emits("classification-rule.deleted", () -> {
            String id = createRule(marker());
            return () -> analyst().when().delete("/api/v1/classification-rules/" + id).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/classification-rules/reclassify", emits("feedback.classified", () -> {
            // Older than the window a rule change reclassifies, so only an explicit reclassification reaches it.
            String text = marker();
            Feedbacks.submit(Feedbacks.at(feedback(text), OffsetDateTime.now().minusDays(20)));
            createRule(text);
            return () -> analyst().queryParam("since", OffsetDateTime.now().minusDays(21).toString())
                    .when().post("/api/v1/classification-rules/reclassify").then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/crisis-cases", emits("crisis-case.opened", () -> () -> openCase("OPEN")));
        catalogue.put("PUT /api/v1/crisis-cases/{id}", emits("crisis-case.updated", () -> {
            String id = openCase("OPEN");
            return () -> analyst().body(Map.of("title", "Tin đồn bỏ rút BHXH một lần lan ra Yên Bái",
                            "severity", "CRITICAL"))
                    .when().put("/api/v1/crisis-cases/" + id).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/crisis-cases/{id}/transitions", emits("crisis-case.transitioned", () -> {
            String id = openCase(null);
            return () -> step(id, "OPEN");
        }));
        catalogue.put("POST /api/v1/crisis-cases/{id}/links", emits("crisis-case.linked", () -> {
            String id = openCase("OPEN");
            String feedback = Feedbacks.submit(feedback(marker()));
            return () -> analyst().body(Map.of("feedbackIds", List.of(feedback)))
                    .when().post("/api/v1/crisis-cases/" + id + "/links").then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/crisis-cases/{id}/actions", emits("crisis-case.action-added", () -> {
            String id = openCase("OPEN");
            return () -> addAction(id);
        }));
        catalogue.put("POST /api/v1/crisis-cases/{id}/actions/{actionId}/completion",
                emits("crisis-case.action-completed", () -> {
                    String id = openCase("OPEN");
                    String action = addAction(id);
                    return () -> analyst().body(Map.of("outcome", "Đăng lúc 15:20"))
                            .when().post("/api/v1/crisis-cases/" + id + "/actions/" + action + "/completion")
                            .then().statusCode(200);
                }));
        catalogue.put("POST /api/v1/crisis-cases/{id}/post-crisis-requests",
                emits("crisis-case.post-crisis-communication-requested", () -> {
                    String id = openCase("OPEN");
                    step(id, "RESPONDING");
                    step(id, "RESOLVED");
                    return () -> analyst().body(Map.of("title", "Thông tin lại về chính sách rút BHXH một lần",
                                    "brief", "Giải thích điều kiện rút BHXH một lần hiện hành",
                                    "forms", List.of("NEWS_ARTICLE"), "quantity", 3,
                                    "dueDate", LocalDate.now().plusDays(14).toString()))
                            .when().post("/api/v1/crisis-cases/" + id + "/post-crisis-requests").then().statusCode(201);
                }));
        catalogue.put("POST /api/v1/feedback/contact-erasures", emits(ContactErasures.ERASED, () -> {
            Map<String, Object> item = feedback(marker());
            item.put("contact", "0912 " + (100_000 + (int) (Math.random() * 899_999)));
            item.put("lawfulBasis", "PUBLIC_TASK");
            String id = Feedbacks.submit(item);
            return () -> as("data-protection-officer").contentType(ContentType.JSON)
                    .body(Map.of("feedbackId", id, "reason", "Đơn yêu cầu xoá số 7/2024"))
                    .when().post("/api/v1/feedback/contact-erasures").then().statusCode(201);
        }));
        catalogue.put("POST /api/v1/feedback/subject-access-exports", changesNoState(
                "answers what is held about a person; only the audit of contact accesses records that it was asked"));
        return WriteEndpointEvents.check("vn.commops.crisis", catalogue, dataSource);
    }

    private static RequestSpecification analyst() {
        return as("crisis-analyst").contentType(ContentType.JSON);
    }

    /** A word no other feedback or rule holds, so clusters and rules of this test stay apart from the rest. */
    private static String marker() {
        return "mã" + UUID.randomUUID().toString().replace("-", "");
    }

    private Map<String, Object> feedback(String text) {
        return Feedbacks.item("HOTLINE", "Phản ánh " + text, unit);
    }

    private static String openAnswer(String feedbackId) {
        return analyst().body(Map.of("answerBy", OffsetDateTime.now().plusDays(2).toString()))
                .when().post("/api/v1/feedback/" + feedbackId + "/answers").then().statusCode(201)
                .extract().path("id");
    }

    private static String createTopic() {
        String code = "T_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        analyst().body(Map.of("code", code, "nameVi", "Điều chỉnh lương hưu", "nameEn", "Pension adjustment"))
                .when().post("/api/v1/topics").then().statusCode(201);
        return code;
    }

    private static Map<String, Object> rule(String keyword) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", "Quy định " + keyword);
        rule.put("matchKind", "KEYWORD");
        rule.put("keywords", List.of(keyword));
        rule.put("priority", 60);
        rule.put("language", "vi");
        rule.put("topicCode", "VOLUNTARY_INSURANCE");
        return rule;
    }

    private static String createRule(String keyword) {
        return analyst().body(rule(keyword)).when().post("/api/v1/classification-rules").then().statusCode(201)
                .extract().path("id");
    }

    private String openCase(String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Tin đồn bỏ rút BHXH một lần");
        body.put("severity", "HIGH");
        body.put("topicCode", "FALSE_INFORMATION");
        body.put("orgUnitCode", unit);
        if (status != null) {
            body.put("status", status);
        }
        return analyst().body(body).when().post("/api/v1/crisis-cases").then().statusCode(201).extract().path("id");
    }

    private static void step(String caseId, String to) {
        analyst().body(Map.of("to", to, "reason", "bước " + to))
                .when().post("/api/v1/crisis-cases/" + caseId + "/transitions").then().statusCode(200);
    }

    private static String addAction(String caseId) {
        return analyst().body(Map.of("kind", "REFUTATION", "description", "Đăng bài bác bỏ tin đồn",
                        "dueAt", OffsetDateTime.now().plusHours(4).toString()))
                .when().post("/api/v1/crisis-cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");
    }
}
