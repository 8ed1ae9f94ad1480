package vn.commops.crisis.crisiscase;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;
import vn.commops.crisis.Feedbacks;

@QuarkusTest
class CrisisCaseTest {

    private static RequestSpecification analyst() {
        return as("crisis-analyst").contentType(ContentType.JSON);
    }

    private static Map<String, Object> byHand(String unit, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Tin đồn bỏ rút BHXH một lần");
        body.put("severity", "HIGH");
        body.put("topicCode", "FALSE_INFORMATION");
        body.put("orgUnitCode", unit);
        if (status != null) {
            body.put("status", status);
        }
        return body;
    }

    private static JsonPath step(String caseId, String to, int expectedStatus) {
        return analyst().body(Map.of("to", to, "reason", "bước " + to))
                .when().post("/api/v1/crisis-cases/" + caseId + "/transitions")
                .then().statusCode(expectedStatus).extract().jsonPath();
    }

    private static Map<String, Object> postCrisis() {
        return Map.of("title", "Thông tin lại về chính sách rút BHXH một lần",
                "brief", "Giải thích điều kiện rút BHXH một lần hiện hành và lợi ích của việc bảo lưu",
                "forms", List.of("NEWS_ARTICLE", "SOCIAL_POST"), "quantity", 3,
                "dueDate", LocalDate.now().plusDays(14).toString());
    }

    @Test
    void aCaseGoesFromWatchToClosedAndRefusesIllegalSteps() {
        String unit = OrgUnitEventsFixture.knownCommune();
        String caseId = analyst().body(byHand(unit, null)).when().post("/api/v1/crisis-cases")
                .then().statusCode(201)
                .body("status", equalTo("WATCH"))
                .body("owner", equalTo("crisis-analyst-user"))
                .body("acknowledgedAt", nullValue())
                .body("allowedTransitions", contains("OPEN", "CLOSED"))
                .extract().path("id");

        step(caseId, "RESOLVED", 409);
        JsonPath open = step(caseId, "OPEN", 200);
        assertEquals("OPEN", open.getString("status"));
        assertTrue(open.getLong("timeToAcknowledgeSeconds") >= 0);
        step(caseId, "CLOSED", 409);

        String actionId = analyst().body(Map.of("kind", "REFUTATION", "description", "Đăng bài bác bỏ tin đồn",
                        "dueAt", OffsetDateTime.now().plusHours(4).toString()))
                .when().post("/api/v1/crisis-cases/" + caseId + "/actions").then().statusCode(201)
                .body("doneAt", nullValue()).extract().path("id");
        analyst().body(Map.of("outcome", "Đăng lúc 15:20"))
                .when().post("/api/v1/crisis-cases/" + caseId + "/actions/" + actionId + "/completion")
                .then().statusCode(200).body("doneBy", equalTo("crisis-analyst-user"));
        analyst().body(Map.of()).when().post("/api/v1/crisis-cases/" + caseId + "/actions/" + actionId + "/completion")
                .then().statusCode(409);

        analyst().body(postCrisis()).when().post("/api/v1/crisis-cases/" + caseId + "/post-crisis-requests")
                .then().statusCode(409);
        step(caseId, "RESPONDING", 200);
        JsonPath resolved = step(caseId, "RESOLVED", 200);
        assertTrue(resolved.getLong("timeToFirstResponseSeconds") >= 0);
        assertTrue(resolved.getString("resolvedAt") != null);
        step(caseId, "POST_CRISIS_REVIEW", 200);
        step(caseId, "CLOSED", 200);
        step(caseId, "OPEN", 409);

        as("viewer").when().get("/api/v1/crisis-cases/" + caseId + "/timeline").then().statusCode(200)
                .body("kind", contains("OPENED", "TRANSITIONED", "ACTION_ADDED", "ACTION_DONE", "TRANSITIONED",
                        "TRANSITIONED", "TRANSITIONED", "TRANSITIONED"))
                .body("[1].detail", equalTo("WATCH → OPEN: bước OPEN"));

        TopicProbe.Received opened = TopicProbe.awaitEvent(CaseEvents.TOPIC, CaseEvents.OPENED, caseId);
        assertEquals("WATCH", opened.value().path("data").path("status").asText());
        TopicProbe.awaitMessage(CaseEvents.TOPIC, m -> CaseEvents.TRANSITIONED.equals(m.value().path("type").asText())
                && caseId.equals(m.key()) && "CLOSED".equals(m.value().path("data").path("to").asText())
                && "POST_CRISIS_REVIEW".equals(m.value().path("data").path("from").asText()), Duration.ofSeconds(15));
    }

    @Test
    void thePostCrisisRequestIsPublishedOnceInTheAgreedShape() {
        String unit = OrgUnitEventsFixture.knownCommune();
        String caseId = analyst().body(byHand(unit, "OPEN")).when().post("/api/v1/crisis-cases").then()
                .statusCode(201).body("acknowledgedAt", notNullValue()).extract().path("id");
        step(caseId, "RESPONDING", 200);
        step(caseId, "RESOLVED", 200);

        String key = UUID.randomUUID().toString();
        String requestId = analyst().header("Idempotency-Key", key).body(postCrisis())
                .when().post("/api/v1/crisis-cases/" + caseId + "/post-crisis-requests").then().statusCode(201)
                .body("orgUnitCode", equalTo(unit)).extract().path("requestId");
        analyst().header("Idempotency-Key", key).body(postCrisis())
                .when().post("/api/v1/crisis-cases/" + caseId + "/post-crisis-requests").then().statusCode(200)
                .body("requestId", equalTo(requestId));

        TopicProbe.Received event = TopicProbe.awaitMessage(CaseEvents.TOPIC,
                m -> CaseEvents.POST_CRISIS_REQUESTED.equals(m.value().path("type").asText())
                        && requestId.equals(m.value().path("data").path("requestId").asText()), Duration.ofSeconds(15));
        assertEquals(caseId, event.key());
        JsonNode data = event.value().path("data");
        Set<String> fields = new TreeSet<>();
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        assertEquals(new TreeSet<>(List.of("requestId", "caseId", "orgUnitCode", "title", "brief", "forms", "quantity",
                "dueDate", "requestedBy")), fields);
        assertEquals(caseId, data.path("caseId").asText());
        assertEquals(unit, data.path("orgUnitCode").asText());
        assertEquals("Thông tin lại về chính sách rút BHXH một lần", data.path("title").asText());
        assertEquals(List.of("NEWS_ARTICLE", "SOCIAL_POST"),
                List.of(data.path("forms").get(0).asText(), data.path("forms").get(1).asText()));
        assertEquals(3, data.path("quantity").asInt());
        assertEquals(LocalDate.now().plusDays(14).toString(), data.path("dueDate").asText());
        assertEquals("crisis-analyst-user", data.path("requestedBy").asText());
        assertEquals(1, event.value().path("schemaVersion").asInt());

        as("viewer").when().get("/api/v1/crisis-cases/" + caseId + "/post-crisis-requests").then().statusCode(200)
                .body("requestId", contains(requestId));
    }

    @Test
    void aCaseOpenedFromASignalCarriesItsTopicPlaceAndTimeAndMeasuresAcknowledgement() throws InterruptedException {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        List<Map<String, Object>> burst = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            burst.add(Feedbacks.item("HOTLINE", "Có người gọi giả danh cán bộ BHXH, lừa đảo đòi chuyển tiền, lần " + n,
                    units[1]));
        }
        Feedbacks.submitAll(burst);
        JsonPath signal = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> as("crisis-analyst").queryParam("orgUnit", units[0]).when().get("/api/v1/signals")
                        .then().extract().jsonPath(), page -> page.getInt("totalItems") > 0);
        String signalId = signal.getString("items[0].id");
        assertEquals("SCAMS", signal.getString("items[0].topicCode"));

        Map<String, Object> fromSignal = Map.of("title", "Lừa đảo giả danh BHXH", "severity", "CRITICAL",
                "signalId", signalId);
        JsonPath opened = analyst().body(fromSignal).when().post("/api/v1/crisis-cases").then().statusCode(201)
                .extract().jsonPath();
        String caseId = opened.getString("id");
        assertEquals("SCAMS", opened.getString("topicCode"));
        assertEquals(units[1], opened.getString("orgUnitCode"));
        assertEquals(OffsetDateTime.parse(signal.getString("items[0].raisedAt")).toInstant(),
                OffsetDateTime.parse(opened.getString("detectedAt")).toInstant());
        analyst().body(fromSignal).when().post("/api/v1/crisis-cases").then().statusCode(409);
        as("viewer").when().get("/api/v1/signals/" + signalId).then().body("caseId", equalTo(caseId));

        Thread.sleep(1_100);
        JsonPath acknowledged = step(caseId, "OPEN", 200);
        long expected = Duration.between(OffsetDateTime.parse(acknowledged.getString("detectedAt")),
                OffsetDateTime.parse(acknowledged.getString("acknowledgedAt"))).toSeconds();
        assertEquals(expected, acknowledged.getLong("timeToAcknowledgeSeconds"));
        assertTrue(expected >= 1, "acknowledged " + expected + "s after detection");

        String feedbackId = Feedbacks.submit(Feedbacks.item("HOTLINE", "Lừa đảo qua điện thoại", units[1]));
        String clusterId = as("viewer").when().get("/api/v1/feedback/" + feedbackId).then().extract().path("clusterId");
        analyst().body(Map.of("feedbackIds", List.of(feedbackId), "clusterIds", List.of(clusterId)))
                .when().post("/api/v1/crisis-cases/" + caseId + "/links").then().statusCode(200)
                .body("feedbackIds", contains(feedbackId)).body("clusterIds", contains(clusterId));
        analyst().body(Map.of("feedbackIds", List.of(UUID.randomUUID().toString())))
                .when().post("/api/v1/crisis-cases/" + caseId + "/links").then().statusCode(422)
                .body("errors[0].field", equalTo("feedbackIds[0]"));
    }

    @Test
    void onlyAnalystsAndAdminsManageCasesAndUnknownUnitsAreNamed() {
        String unit = OrgUnitEventsFixture.knownCommune();
        as("viewer").contentType(ContentType.JSON).body(byHand(unit, null)).when().post("/api/v1/crisis-cases")
                .then().statusCode(403);
        as("unit-manager", "LC").contentType(ContentType.JSON).body(byHand(unit, null))
                .when().post("/api/v1/crisis-cases").then().statusCode(403);
        analyst().body(byHand("NOWHERE", null)).when().post("/api/v1/crisis-cases").then().statusCode(422)
                .body("errors[0].field", equalTo("orgUnitCode"));
        analyst().body(byHand(unit, "RESOLVED")).when().post("/api/v1/crisis-cases").then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
        as("unit-manager", "LC").queryParam("orgUnit", "LC").when().get("/api/v1/crisis-cases").then().statusCode(200);
    }
}
