package vn.commops.crisis.feedback;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.crisis.Feedbacks;

@QuarkusTest
class FeedbackIntakeTest {

    @Test
    void everyChannelIsTakenWithItsSourceDetails() {
        String unit = OrgUnitEventsFixture.knownCommune();
        for (FeedbackChannel channel : FeedbackChannel.values()) {
            Map<String, Object> item = Feedbacks.item(channel.name(), "Phản ánh qua kênh " + channel, unit);
            item.put("sourceLink", "https://example.org/p/" + channel);
            item.put("authorHandle", "@nguoidan");
            item.put("reach", 12000);
            item.put("engagement", 340);
            item.put("language", "vi");
            String id = Feedbacks.submit(item);
            asNationalAdmin().when().get("/api/v1/feedback/" + id).then().statusCode(200)
                    .body("channel", equalTo(channel.name()))
                    .body("authorHandle", equalTo("@nguoidan"))
                    .body("reach", equalTo(12000))
                    .body("engagement", equalTo(340))
                    .body("sourceLink", equalTo("https://example.org/p/" + channel));
        }
        asNationalAdmin().queryParam("orgUnit", unit).when().get("/api/v1/feedback").then()
                .body("totalItems", equalTo(FeedbackChannel.values().length));
    }

    @Test
    void aBatchReportsEachItemAndStoresOnlyTheValidOnes() {
        String unit = OrgUnitEventsFixture.knownCommune();
        Map<String, Object> post = Feedbacks.item("SOCIAL_MEDIA", "Bài đăng về chậm chi trả lương hưu", unit);
        Map<String, Object> comment = Feedbacks.item("SOCIAL_MEDIA", "Nhà tôi cũng bị chậm chi trả", unit);
        comment.put("inReplyTo", post.get("sourceId"));
        Map<String, Object> invalid = Feedbacks.item("PRESS", "", unit);
        Map<String, Object> unknownUnit = Feedbacks.item("PRESS", "Bài báo", "NOWHERE");
        Map<String, Object> repeated = Map.copyOf(post);

        var result = asNationalAdmin().contentType(ContentType.JSON)
                .body(List.of(post, comment, invalid, unknownUnit, repeated))
                .when().post("/api/v1/feedback/batches").then().statusCode(200)
                .body("received", equalTo(5))
                .body("created", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(2))
                .body("items.outcome", contains("CREATED", "CREATED", "REJECTED", "REJECTED", "DUPLICATE"))
                .body("items[2].errors.field", contains("text"))
                .body("items[3].errors.field", contains("orgUnitCode"))
                .body("items[2].feedbackId", nullValue())
                .extract();
        assertEquals((String) result.path("items[0].feedbackId"), result.path("items[4].feedbackId"));

        asNationalAdmin().contentType(ContentType.JSON).body(List.of(post, comment))
                .when().post("/api/v1/feedback/batches").then().statusCode(200)
                .body("created", equalTo(0))
                .body("duplicates", equalTo(2));
        asNationalAdmin().queryParam("orgUnit", unit).when().get("/api/v1/feedback").then()
                .body("totalItems", equalTo(2))
                .body("items.inReplyTo", hasItem((String) post.get("sourceId")));
    }

    @Test
    void aBatchNeedsTheSourcesOwnIds() {
        Map<String, Object> item = Feedbacks.item("PORTAL", "Câu hỏi về BHYT", null);
        item.remove("sourceId");
        asNationalAdmin().contentType(ContentType.JSON).body(List.of(item))
                .when().post("/api/v1/feedback/batches").then().statusCode(200)
                .body("items[0].outcome", equalTo("REJECTED"))
                .body("items[0].errors.field", contains("sourceId"));
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        List<Map<String, Object>> items = new ArrayList<>(Collections.nCopies(5_001, Map.of("channel", "PORTAL")));
        asNationalAdmin().contentType(ContentType.JSON).body(items)
                .when().post("/api/v1/feedback/batches").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unitStaffSubmitBatchesOnlyForTheirUnits() {
        String[] mine = OrgUnitEventsFixture.knownProvinceAndCommune();
        String[] theirs = OrgUnitEventsFixture.knownProvinceAndCommune();
        as("unit-officer", mine[0]).contentType(ContentType.JSON)
                .body(List.of(Feedbacks.item("DIRECT_VISIT", "Hỏi về thẻ BHYT", mine[1]),
                        Feedbacks.item("DIRECT_VISIT", "Hỏi về thẻ BHYT", theirs[1])))
                .when().post("/api/v1/feedback/batches").then().statusCode(200)
                .body("items.outcome", contains("CREATED", "REJECTED"))
                .body("items[1].errors.field", contains("orgUnitCode"));
    }

    @Test
    void theContactIsForAnalystsOnlyAndEveryReadIsRecorded() {
        Map<String, Object> item = Feedbacks.item("HOTLINE", "Xin gọi lại cho tôi", OrgUnitEventsFixture.knownCommune());
        item.put("contact", "0987 000 111");
        item.put("lawfulBasis", "PUBLIC_TASK");
        String id = Feedbacks.submit(item);

        as("crisis-analyst").when().get("/api/v1/feedback/" + id + "/contact").then().statusCode(200)
                .body("contact", equalTo("0987 000 111"));
        as("viewer").when().get("/api/v1/feedback/" + id + "/contact").then().statusCode(403);
        as("unit-manager", "LC").when().get("/api/v1/feedback/" + id + "/contact").then().statusCode(403);

        asNationalAdmin().when().get("/api/v1/feedback/" + id + "/contact-accesses").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].accessedBy", equalTo("crisis-analyst-user"));
    }
}
