package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Progress that can be trusted and budget versus actual, on the May 2024 action month (seed 002) planned
 * through the gateway as {@link ActionMonthIT} plans it: Lào Cai's launch ceremony reported three times
 * (one with its cost, one without, one a reviewer rejects), activities that do not match the assignment
 * refused naming the field, and the national campaign's budget against what its assignments spent.
 * The ceremonies are dated outside the seed week (13-19 May), so LaoCaiCampaignWeekIT's scorecard keeps
 * exactly the seed's totals.
 */
class ProgressAndBudgetIT {

    // As JSON reads them back: ints.
    private static final int CAMPAIGN_LINES = 800_000_000;
    private static final int PROVINCIAL_TASKS = 480_000_000;
    private static final int CEREMONY_COST = 45_000_000;

    private static Map<String, Object> seed;

    @BeforeAll
    static void startPlatform() throws Exception {
        Platform platform = Platform.shared();
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

    private static Map<String, Object> ceremony(String assignment, String unit, String day, int attendance, Long cost) {
        Map<String, Object> activity = new HashMap<>();
        activity.put("orgUnitCode", unit);
        activity.put("form", "LAUNCH_CEREMONY");
        activity.put("title", "Lễ phát động hưởng ứng Tháng vận động BHXH toàn dân");
        activity.put("startedAt", day + "T08:00:00+07:00");
        activity.put("attendance", attendance);
        activity.put("assignmentId", assignment);
        if (cost != null) {
            activity.put("costVnd", cost);
        }
        return activity;
    }

    private static void awaitProgress(String assignment, String count, int activities, int attendance) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(150)).untilAsserted(() ->
                as("viewer").queryParam("count", count).when().get("/api/v1/assignments/" + assignment)
                        .then().statusCode(200)
                        .body("progress.activities", equalTo(activities))
                        .body("progress.outcomes.attendance", equalTo(attendance)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rejectedWorkDoesNotCountMismatchesAreRefusedAndTheActionMonthsBudgetMeetsItsCosts() {
        // The cascade above the May plan, as ActionMonthIT derives it: the master plan and the sector's 2024 plan.
        String master = Plans.approved((Map<String, Object>) seed.get("masterPlan"));
        String year = Plans.approved(with(seed.get("annualPlan"), "parentPlanId", master));
        String national = post(admin(), "/api/v1/plans", with(seed.get("nationalPlan"), "parentPlanId", year), 201)
                .getString("id");
        String campaign = post(admin(), "/api/v1/campaigns", with(seed.get("nationalCampaign"), "planId", national), 201)
                .getString("id");
        String laoCaiCeremony = null;
        for (Object task : (List<Object>) seed.get("provincialTasks")) {
            String id = post(admin(), "/api/v1/assignments",
                    with(with(task, "planId", national), "campaignId", campaign), 201).getString("id");
            Map<String, Object> fields = (Map<String, Object>) task;
            if ("LC".equals(fields.get("orgUnitCode")) && "LAUNCH_CEREMONY".equals(fields.get("form"))) {
                laoCaiCeremony = id;
            }
        }
        String ceremonyTask = laoCaiCeremony;

        // The campaign's budget lines hold the provinces' tasks, and no more.
        Map<String, Object> extra = with(with(((List<Object>) seed.get("provincialTasks")).get(0), "planId", national),
                "campaignId", campaign);
        extra.put("budgetVnd", CAMPAIGN_LINES - PROVINCIAL_TASKS + 1);
        admin().contentType(ContentType.JSON).body(extra).when().post("/api/v1/assignments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("budgetVnd"))
                .body("errors[0].message", containsString(CAMPAIGN_LINES + " VND"));
        String etag = admin().when().get("/api/v1/campaigns/" + campaign).then().statusCode(200).extract()
                .header("ETag");
        Map<String, Object> lowered = with(with(seed.get("nationalCampaign"), "planId", national), "budgetLines",
                List.of(Map.of("item", "Production of communication products", "amountVnd", PROVINCIAL_TASKS - 1)));
        admin().contentType(ContentType.JSON).header("If-Match", etag).body(lowered)
                .when().put("/api/v1/campaigns/" + campaign)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("budgetLines"));

        // Lào Cai's launch ceremony, with its cost, once activity-service has heard of the assignment.
        RequestSpecification lcManager = as("lc-manager");
        Map<String, Object> held = ceremony(ceremonyTask, "LC", "2024-05-06", 250, (long) CEREMONY_COST);
        // A geotagged photo: what a launch ceremony's verification needs (the direct forms' evidence rule).
        held.put("evidence", List.of(Map.of("url", "https://bhxh.laocai.gov.vn/anh/le-phat-dong-2024.jpg",
                "capturedAt", "2024-05-06T08:30:00+07:00", "latitude", 22.4856, "longitude", 103.9707)));
        String key = "e2e-" + UUID.randomUUID();
        Gateway.awaitKnown(() -> as("lc-manager").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(held).post("/api/v1/activities").statusCode());
        String ceremony = as("lc-manager").contentType(ContentType.JSON).header("Idempotency-Key", key).body(held)
                .when().post("/api/v1/activities").then().statusCode(200).extract().path("id");
        // A second one in Hồ Phai, below Lào Cai, whose cost nobody reported.
        post(lcManager, "/api/v1/activities", ceremony(ceremonyTask, "LC-HOPHAI", "2024-05-22", 80, null), 201);
        awaitProgress(ceremonyTask, "all", 2, 330);

        // Work that is not the assignment's is refused, naming the field; so is an assignment nobody made.
        Map<String, Object> elsewhere = ceremony(ceremonyTask, "HN", "2024-05-07", 300, 1_000_000L);
        admin().contentType(ContentType.JSON).body(elsewhere).when().post("/api/v1/activities")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("orgUnitCode"));
        Map<String, Object> conference = ceremony(ceremonyTask, "LC", "2024-05-07", 300, 1_000_000L);
        conference.put("form", "CONFERENCE");
        as("lc-manager").contentType(ContentType.JSON).body(conference).when().post("/api/v1/activities")
                .then().statusCode(422).body("errors.field", hasItem("form"));
        as("lc-manager").contentType(ContentType.JSON).body(ceremony(ceremonyTask, "LC", "2024-06-01", 300, null))
                .when().post("/api/v1/activities")
                .then().statusCode(422).body("errors.field", hasItem("startedAt"));
        as("lc-manager").contentType(ContentType.JSON)
                .body(ceremony(UUID.randomUUID().toString(), "LC", "2024-05-07", 300, null))
                .when().post("/api/v1/activities")
                .then().statusCode(422).body("type", containsString("unknown-assignment"))
                .body("errors.field", hasItem("assignmentId"));
        // In a batch, the mismatching record is refused on its own and the other is stored.
        as("lc-manager").contentType(ContentType.JSON).queryParam("mode", "per-record")
                .body(List.of(ceremony(ceremonyTask, "LC", "2024-06-02", 120, null),
                        ceremony(ceremonyTask, "LC-HOPHAI", "2024-05-24", 40, null)))
                .when().post("/api/v1/activities/batches")
                .then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("results[0].outcome", equalTo("REJECTED"))
                .body("results[0].errors.field", hasItem("startedAt"));
        awaitProgress(ceremonyTask, "all", 3, 370);

        // A ceremony a reviewer rejects leaves progress and spending as they were, and shows apart.
        String doubtful = post(lcManager, "/api/v1/activities",
                ceremony(ceremonyTask, "LC", "2024-05-23", 900, 10_000_000L), 201).getString("id");
        awaitProgress(ceremonyTask, "all", 4, 1270);
        // Four eyes: Lào Cai reported these for itself, so a reviewer above the province decides them.
        post(admin(), "/api/v1/activities/" + doubtful + "/verification",
                Map.of("decision", "REJECTED", "reason", "Trùng với lễ phát động ngày 6/5"), 200);
        awaitProgress(ceremonyTask, "all", 3, 370);
        as("viewer").when().get("/api/v1/assignments/" + ceremonyTask).then().statusCode(200)
                .body("progress.rejected.activities", equalTo(1))
                .body("progress.rejected.outcomes.attendance", equalTo(900))
                .body("progress.reported.activities", equalTo(3));

        // Verified only: the first ceremony, once a manager verified it.
        as("lc-manager").contentType(ContentType.JSON).body(Map.of("decision", "VERIFIED"))
                .when().post("/api/v1/activities/" + ceremony + "/verification").then().statusCode(403)
                .body("type", equalTo("urn:commops:problem:own-report"));
        post(admin(), "/api/v1/activities/" + ceremony + "/verification", Map.of("decision", "VERIFIED"), 200);
        awaitProgress(ceremonyTask, "verified", 1, 250);

        // Budget versus actual of the action month: what the lines allocate, the tasks hold, the ceremony cost.
        admin().when().get("/api/v1/campaigns/" + campaign + "/budget").then().statusCode(200)
                .body("allocatedVnd", equalTo(CAMPAIGN_LINES))
                .body("assignedVnd", equalTo(PROVINCIAL_TASKS))
                .body("spentVnd", equalTo(CEREMONY_COST))
                .body("remainingVnd", equalTo(CAMPAIGN_LINES - CEREMONY_COST))
                .body("activities", equalTo(3))
                .body("uncostedActivities", equalTo(2));
        as("viewer").when().get("/api/v1/plans/" + national + "/budget").then().statusCode(200)
                .body("allocatedVnd", equalTo(CAMPAIGN_LINES))
                .body("spentVnd", equalTo(CEREMONY_COST));
        as("viewer").queryParam("count", "verified").when().get("/api/v1/assignments/" + ceremonyTask + "/budget")
                .then().statusCode(200)
                .body("allocatedVnd", equalTo(50_000_000))
                .body("spentVnd", equalTo(CEREMONY_COST))
                .body("remainingVnd", equalTo(50_000_000 - CEREMONY_COST))
                .body("activities", equalTo(1))
                .body("uncostedActivities", equalTo(0));
    }
}
