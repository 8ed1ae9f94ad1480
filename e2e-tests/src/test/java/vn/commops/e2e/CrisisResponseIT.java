package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's crisis loop through the gateway: a burst of feedback spreading a false rumour in one
 * province raises a signal within a minute while steady feedback elsewhere raises none; the case
 * opened from it is answered, resolved, and its post-crisis communication becomes an assignment
 * in plan-service.
 */
class CrisisResponseIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(7));

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    private static RequestSpecification analyst() {
        return as("crisis-analyst");
    }

    private static List<Map<String, Object>> feedback(String unit, String stem, int count, String... texts) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("channel", "SOCIAL_MEDIA");
            item.put("text", texts[i % texts.length]);
            item.put("orgUnitCode", unit);
            item.put("sourceId", stem + "-" + i);
            item.put("receivedAt", NOW.minusMinutes(count - i).toString());
            item.put("reach", 500 + i * 10);
            items.add(item);
        }
        return items;
    }

    @Test
    void aRumourBurstBecomesASignalACaseAndAPostCrisisAssignment() {
        String[] burstUnits = Gateway.createHierarchy("QN", "Bảo hiểm xã hội tỉnh Quảng Ninh", "Phường Hạ Long");
        String[] quietUnits = Gateway.createHierarchy("CT", "Bảo hiểm xã hội thành phố Cần Thơ", "Phường Ninh Kiều");
        String burst = burstUnits[1];
        String quiet = quietUnits[1];
        String run = UUID.randomUUID().toString();
        Gateway.awaitKnown(() -> analyst().contentType(ContentType.JSON)
                .body(feedback(quiet, "steady-" + run, 3, "Cho tôi hỏi thủ tục cấp lại thẻ BHYT bị mất",
                        "Khi nào tôi nhận được lương hưu tháng này?", "Đóng BHXH tự nguyện ở đâu?"))
                .post("/api/v1/feedback/batches").statusCode());

        long sent = System.nanoTime();
        analyst().contentType(ContentType.JSON)
                .body(feedback(burst, "rumour-" + run, 30,
                        "Tin đồn: từ tháng 7 bỏ rút BHXH một lần, ai chưa rút sẽ mất hết quyền lợi!",
                        "Nghe nói sắp bỏ rút bảo hiểm xã hội một lần, mọi người rút gấp kẻo mất",
                        "tin don tu thang 7 bo rut BHXH mot lan, rut ngay keo mat quyen loi",
                        "Chia sẻ gấp: tháng 7 bỏ rút BHXH 1 lần, tin đồn này lan khắp nhóm Zalo"))
                .when().post("/api/v1/feedback/batches")
                .then().statusCode(200)
                .body("items.outcome", everyItem(equalTo("CREATED")));

        String signal = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                analyst().queryParam("orgUnit", burst).get("/api/v1/signals").then().statusCode(200).extract()
                        .jsonPath().getString("items[0].id"), id -> id != null);
        System.out.printf("Signal raised %d s after the burst was accepted%n",
                Duration.ofNanos(System.nanoTime() - sent).toSeconds());
        analyst().queryParam("orgUnit", quiet).when().get("/api/v1/signals")
                .then().statusCode(200).body("items", hasSize(0));

        String crisisCase = analyst().contentType(ContentType.JSON).header("Idempotency-Key", "case-" + run)
                .body(Map.of("title", "Tin đồn bỏ rút BHXH một lần tại Quảng Ninh", "severity", "HIGH",
                        "signalId", signal, "status", "OPEN", "owner", "crisis-analyst"))
                .when().post("/api/v1/crisis-cases")
                .then().statusCode(201).extract().path("id");
        String cases = "/api/v1/crisis-cases/" + crisisCase;
        analyst().contentType(ContentType.JSON).body(Map.of("to", "RESPONDING", "reason", "Tin đồn lan trên mạng xã hội"))
                .when().post(cases + "/transitions").then().statusCode(200);
        String action = analyst().contentType(ContentType.JSON)
                .body(Map.of("kind", "REFUTATION", "description", "Đăng bài bác bỏ tin đồn trên cổng thông tin và fanpage",
                        "dueAt", NOW.plusHours(2).toString()))
                .when().post(cases + "/actions").then().statusCode(201).extract().path("id");
        analyst().contentType(ContentType.JSON).body(Map.of("outcome", "Bài đăng lúc 15:20, 12.000 lượt xem"))
                .when().post(cases + "/actions/" + action + "/completion").then().statusCode(200);
        analyst().contentType(ContentType.JSON).body(Map.of("to", "RESOLVED", "reason", "Tin đồn đã được bác bỏ"))
                .when().post(cases + "/transitions").then().statusCode(200);

        Map<String, Object> request = new HashMap<>();
        request.put("orgUnitCode", burst);
        request.put("title", "Thông tin lại về chính sách rút BHXH một lần");
        request.put("brief", "Giải thích điều kiện rút BHXH một lần hiện hành và lợi ích của việc bảo lưu thời gian đóng");
        request.put("forms", List.of("NEWS_ARTICLE", "SOCIAL_POST"));
        request.put("quantity", 3);
        request.put("dueDate", LocalDate.now().plusDays(14).toString());
        analyst().contentType(ContentType.JSON).header("Idempotency-Key", "post-crisis-" + run).body(request)
                .when().post(cases + "/post-crisis-requests").then().statusCode(201);
        // A retry of the same request is answered from the first one and makes no second assignment.
        analyst().contentType(ContentType.JSON).header("Idempotency-Key", "post-crisis-" + run).body(request)
                .when().post(cases + "/post-crisis-requests").then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                admin().queryParam("sourceCaseId", crisisCase).when().get("/api/v1/assignments")
                        .then().statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].orgUnitCode", equalTo(burst))
                        .body("items[0].quantity", equalTo(3)));
        analyst().when().get(cases + "/timeline").then().statusCode(200);
        assertEquals("RESOLVED", analyst().when().get(cases).then().statusCode(200).extract().path("status"));
    }
}
