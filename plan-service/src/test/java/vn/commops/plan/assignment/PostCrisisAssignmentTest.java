package vn.commops.plan.assignment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.event.TraceParent;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;

@QuarkusTest
class PostCrisisAssignmentTest {

    private static String request(UUID requestId, UUID caseId, String unit) {
        ObjectNode data = Envelopes.data()
                .put("requestId", requestId.toString())
                .put("caseId", caseId.toString())
                .put("orgUnitCode", unit)
                .put("title", "Thông tin lại về chính sách rút BHXH một lần")
                .put("brief", "Giải thích quyền lợi khi bảo lưu thời gian đóng BHXH")
                .put("quantity", 3)
                .put("dueDate", "2025-03-20")
                .put("requestedBy", "crisis-analyst");
        data.putArray("forms").add("NEWS_ARTICLE").add("SOCIAL_POST");
        return Envelopes.envelope(UUID.randomUUID(), "crisis-case.post-crisis-communication-requested",
                "crisis-service", caseId.toString(), data);
    }

    @Test
    void aPostCrisisRequestBecomesOneAssignmentHoweverOftenItArrives() {
        String[] tree = OrgUnitFixtures.tree();
        UUID requestId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();

        TopicProbe.send("crisis-cases", caseId.toString(), request(requestId, caseId, tree[1]),
                request(requestId, caseId, tree[1]));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asNationalAdmin()
                .queryParam("sourceCaseId", caseId.toString()).when().get("/api/v1/assignments")
                .then().body("totalItems", equalTo(1)));
        String id = asNationalAdmin().queryParam("sourceCaseId", caseId.toString()).when().get("/api/v1/assignments")
                .then().body("items[0].orgUnitCode", equalTo(tree[1]))
                .body("items[0].planId", equalTo(null))
                .body("items[0].form", equalTo("NEWS_ARTICLE"))
                .body("items[0].quantity", equalTo(3))
                .body("items[0].dueDate", equalTo("2025-03-20"))
                .extract().path("items[0].id");
        TopicProbe.Received created = TopicProbe.awaitEvent(AssignmentEvents.TOPIC, AssignmentEvents.CREATED, id);
        assertEquals(tree[1], created.value().path("data").path("orgUnitCode").asText());
        // Sent after the duplicate; once it is done, the duplicate was surely seen and ignored.
        UUID later = UUID.randomUUID();
        TopicProbe.send("crisis-cases", later.toString(), request(UUID.randomUUID(), later, tree[1]));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asNationalAdmin()
                .queryParam("sourceCaseId", later.toString()).when().get("/api/v1/assignments")
                .then().body("totalItems", equalTo(1)));
        asNationalAdmin().queryParam("sourceCaseId", caseId.toString()).when().get("/api/v1/assignments")
                .then().body("totalItems", equalTo(1));
    }

    @Test
    void theAssignmentsEventContinuesTheTraceOfTheRequestThatCausedIt() {
        String[] tree = OrgUnitFixtures.tree();
        UUID caseId = UUID.randomUUID();
        String traceId = "5c2c5a4b3e0f4b1c9d8e7f6a5b4c3d2e";
        String requesterSpan = "1a2b3c4d5e6f7a8b";

        TopicProbe.send("crisis-cases", caseId.toString(),
                Map.of(TraceParent.HEADER, "00-" + traceId + "-" + requesterSpan + "-01"),
                request(UUID.randomUUID(), caseId, tree[1]));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asNationalAdmin()
                .queryParam("sourceCaseId", caseId.toString()).when().get("/api/v1/assignments")
                .then().body("totalItems", equalTo(1)));
        String id = asNationalAdmin().queryParam("sourceCaseId", caseId.toString()).when().get("/api/v1/assignments")
                .then().extract().path("items[0].id");
        String traceparent = TopicProbe.awaitEvent(AssignmentEvents.TOPIC, AssignmentEvents.CREATED, id)
                .header(TraceParent.HEADER);
        assertTrue(traceparent != null && traceparent.startsWith("00-" + traceId + "-"), "traceparent " + traceparent);
        assertNotEquals(requesterSpan, traceparent.split("-")[2], "the consumer's span, child of the requester's");
    }

    @Test
    void aRequestForAnUnknownUnitIsDeadLettered() {
        UUID caseId = UUID.randomUUID();
        String unknown = OrgUnitFixtures.uniqueCode("NOWHERE");
        TopicProbe.send("crisis-cases", caseId.toString(), request(UUID.randomUUID(), caseId, unknown));

        TopicProbe.awaitMessage("dead-letter.plan-service",
                m -> unknown.equals(m.value().path("data").path("orgUnitCode").asText()), Duration.ofSeconds(20));
        asNationalAdmin().queryParam("sourceCaseId", caseId.toString()).when().get("/api/v1/assignments")
                .then().body("totalItems", equalTo(0));
    }
}
