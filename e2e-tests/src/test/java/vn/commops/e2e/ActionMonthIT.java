package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The May 2024 action month (seed 002) and Lao Cai's "7 peak days" (seed 004), planned through the
 * gateway on the demo hierarchy from plan-service's seed file, then carried out: an activity reported
 * against a commune's share moves that share's progress, and its province's.
 */
class ActionMonthIT {

    private static Platform platform;
    private static Map<String, Object> seed;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        RestAssured.baseURI = platform.gatewayUrl();
        seed = new ObjectMapper().readValue(
                platform.repositoryFile("plan-service/src/test/resources/seeds/action-month-2024.json").toFile(),
                new TypeReference<Map<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Object body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) body);
        copy.put(key, value);
        return copy;
    }

    private static JsonPath post(RequestSpecification as, String path, Object body, int status) {
        return as.contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(status).extract()
                .jsonPath();
    }

    private static void transition(RequestSpecification as, String plan, String action, int status) {
        post(as, "/api/v1/plans/" + plan + "/transitions", Map.of("action", action), status);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theActionMonthIsPlannedApprovedShownInTheCalendarAndItsProgressFollowsTheField() throws IOException {
        Map<String, Object> guidance = (Map<String, Object>) seed.get("nationalCampaign");
        // The cascade: the master plan (seed 000) and the sector's 2024 plan (seed 003) above the May plan.
        String master = Plans.approved((Map<String, Object>) seed.get("masterPlan"));
        String year = Plans.approved(with(seed.get("annualPlan"), "parentPlanId", master));
        String national = post(admin(), "/api/v1/plans", with(seed.get("nationalPlan"), "parentPlanId", year), 201)
                .getString("id");
        String campaign = post(admin(), "/api/v1/campaigns", with(guidance, "planId", national), 201).getString("id");
        for (Object task : (List<Object>) seed.get("provincialTasks")) {
            post(admin(), "/api/v1/assignments", with(with(task, "planId", national), "campaignId", campaign), 201);
        }
        transition(admin(), national, "SUBMIT", 200);
        transition(admin(), national, "APPROVE", 200);

        admin().when().get("/api/v1/campaigns/" + campaign)
                .then().statusCode(200)
                .body("keyMessages", hasSize(12))
                .body("keyMessages", equalTo(guidance.get("keyMessages")))
                .body("contentEmphases", equalTo(guidance.get("contentEmphases")))
                .body("forms", hasSize(((List<?>) guidance.get("forms")).size()));
        as("viewer").queryParam("orgUnit", "LC-HOPHAI").queryParam("date", "2024-05-06")
                .when().get("/api/v1/campaigns/calendar")
                .then().statusCode(200)
                .body("findAll { it.campaignId == '" + campaign + "' && it.kind == 'BANNER' }.windowStart",
                        contains("2024-05-06"))
                .body("findAll { it.campaignId == '" + campaign + "' && it.kind == 'BANNER' }.windowEnd",
                        contains("2024-05-21"));

        // Lao Cai's manager plans under the sector's 2024 plan, its campaign implementing the national one; a
        // national manager approves.
        RequestSpecification lcManager = as("lc-manager");
        String province = post(lcManager, "/api/v1/plans", with(seed.get("provincialPlan"), "parentPlanId", year),
                201).getString("id");
        String peakDays = post(lcManager, "/api/v1/campaigns", with(with(seed.get("provincialCampaign"), "planId",
                province), "implementsCampaignId", campaign), 201).getString("id");
        Map<String, Object> task = (Map<String, Object>) seed.get("provincialTask");
        String smallGroups = post(lcManager, "/api/v1/assignments",
                with(with(task, "planId", province), "campaignId", peakDays), 201).getString("id");
        List<Object> shares = (List<Object>) seed.get("communeShares");
        List<Object> tooMany = new ArrayList<>(shares);
        tooMany.add(Map.of("orgUnitCode", "LC-SAPA", "quantity", 1));
        lcManager.contentType(ContentType.JSON).body(Map.of("children", tooMany))
                .when().post("/api/v1/assignments/" + smallGroups + "/split")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("children.quantity"));
        JsonPath split = post(as("lc-manager"), "/api/v1/assignments/" + smallGroups + "/split",
                Map.of("children", shares), 201);
        assertEquals(((Number) task.get("quantity")).intValue(),
                split.getList("quantity", Integer.class).stream().mapToInt(Integer::intValue).sum());
        transition(as("lc-manager"), province, "SUBMIT", 200);
        transition(as("lc-manager"), province, "APPROVE", 403);
        transition(as("lc-manager", "VN"), province, "APPROVE", 200);
        as("viewer").queryParam("orgUnit", "LC-HOPHAI").queryParam("date", "2024-05-15")
                .when().get("/api/v1/campaigns/calendar")
                .then().body("findAll { it.campaignId == '" + peakDays + "' }.kind", contains("SMALL_GROUP"));

        // A small-group session in Hồ Phai, reported by its officer against the commune's share.
        String hoPhaiShare = split.getString("find { it.orgUnitCode == 'LC-HOPHAI' }.id");
        Map<String, Object> session = new HashMap<>();
        session.put("orgUnitCode", "LC-HOPHAI");
        session.put("form", "SMALL_GROUP");
        session.put("title", "Tuyên truyền nhóm nhỏ thôn Hồ Phai");
        // Within the share's days (an activity must match its assignment's period), and with no outcome the Lao Cai
        // week's scorecard (LaoCaiCampaignWeekIT) reads, so that it still counts exactly the seed.
        session.put("startedAt", "2024-05-17T08:00:00+07:00");
        session.put("attendance", 32);
        session.put("assignmentId", hoPhaiShare);
        String key = "e2e-" + UUID.randomUUID();
        Gateway.awaitKnown(() -> as("lc-officer").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(session).post("/api/v1/activities").statusCode());
        long accepted = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as("viewer").when().get("/api/v1/assignments/" + hoPhaiShare)
                        .then().statusCode(200)
                        .body("progress.doneQuantity", equalTo(1))
                        .body("progress.outcomes.attendance", equalTo(32)));
        System.out.printf("Assignment progress moved %d ms after the activity was accepted%n",
                Duration.ofNanos(System.nanoTime() - accepted).toMillis());
        as("viewer").when().get("/api/v1/assignments/" + smallGroups)
                .then().body("progress.doneQuantity", equalTo(1));
    }
}
