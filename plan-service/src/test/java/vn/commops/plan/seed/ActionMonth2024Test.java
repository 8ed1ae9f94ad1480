package vn.commops.plan.seed;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.plan.demo.DemoHierarchy;

/**
 * The May 2024 action month as the seeds tell it: the national guidance of seed 002 (theme, the
 * twelve key messages, the content emphases, every form with the banner window 6–21 May, tasks to
 * the provinces, submitted and approved) and Lao Cai's plan of seed 004 with its "7 peak days"
 * small-group campaign split among communes. The data lives in seeds/action-month-2024.json so
 * end-to-end tests can replay it through the gateway.
 */
@QuarkusTest
class ActionMonth2024Test {

    @Inject
    DemoHierarchy demo;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seed() throws IOException {
        try (InputStream in = ActionMonth2024Test.class.getResourceAsStream("/seeds/action-month-2024.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() { });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Object body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) body);
        copy.put(key, value);
        return copy;
    }

    private static JsonPath post(RequestSpecification as, String path, Object body, int status) {
        return as.contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(status).extract().jsonPath();
    }

    private static void transition(RequestSpecification as, String plan, String action, int status) {
        post(as, "/api/v1/plans/" + plan + "/transitions", Map.of("action", action), status);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theActionMonthIsPlannedAssignedApprovedAndShownInTheCalendar() throws IOException {
        demo.load();
        Map<String, Object> seed = seed();
        Map<String, Object> guidance = (Map<String, Object>) seed.get("nationalCampaign");

        // Seeds 000 and 003: the master plan and the sector's 2024 plan head the cascade.
        String master = post(asNationalAdmin(), "/api/v1/plans", seed.get("masterPlan"), 201).getString("id");
        transition(asNationalAdmin(), master, "SUBMIT", 200);
        transition(asNationalAdmin(), master, "APPROVE", 200);
        String year = post(asNationalAdmin(), "/api/v1/plans", with(seed.get("annualPlan"), "parentPlanId", master), 201)
                .getString("id");
        transition(asNationalAdmin(), year, "SUBMIT", 200);
        transition(asNationalAdmin(), year, "APPROVE", 200);

        // Seed 002: the national plan, its campaign and the tasks of the provinces.
        post(asNationalAdmin(), "/api/v1/plans", seed.get("nationalPlan"), 422);
        String national = post(asNationalAdmin(), "/api/v1/plans", with(seed.get("nationalPlan"), "parentPlanId", year),
                201).getString("id");
        String campaign = post(asNationalAdmin(), "/api/v1/campaigns", with(guidance, "planId", national), 201)
                .getString("id");
        List<String> provincial = new ArrayList<>();
        for (Object task : (List<Object>) seed.get("provincialTasks")) {
            provincial.add(post(asNationalAdmin(), "/api/v1/assignments",
                    with(with(task, "planId", national), "campaignId", campaign), 201).getString("id"));
        }
        transition(asNationalAdmin(), national, "SUBMIT", 200);
        transition(as("unit-manager", "VN"), national, "APPROVE", 403);
        transition(asNationalAdmin(), national, "APPROVE", 200);

        asNationalAdmin().when().get("/api/v1/campaigns/" + campaign)
                .then().statusCode(200)
                .body("theme", equalTo("Social Insurance - peace of mind for every family"))
                .body("keyMessages", hasSize(12))
                .body("keyMessages", equalTo(guidance.get("keyMessages")))
                .body("contentEmphases", equalTo(guidance.get("contentEmphases")))
                .body("forms.kind", hasItems("BANNER", "SLOGAN", "LAUNCH_CEREMONY", "CONFERENCE", "DIALOGUE", "HOTLINE",
                        "ONE_STOP_DESK", "ADVISORY_BOOTH", "MOBILE_CAMPAIGN", "NEWS_ARTICLE", "INFOGRAPHIC",
                        "MOTION_GRAPHIC", "RADIO_BROADCAST", "LOUDSPEAKER_BROADCAST", "PORTAL_POST", "SOCIAL_POST",
                        "LIVESTREAM", "ONLINE_CONTEST", "LEAFLET", "BROCHURE", "PROMOTIONAL_ITEM"))
                .body("forms.find { it.kind == 'BANNER' }.windowStart", equalTo("2024-05-06"))
                .body("forms.find { it.kind == 'BANNER' }.windowEnd", equalTo("2024-05-21"));
        asNationalAdmin().queryParam("planId", national).queryParam("subtreeOf", "LC").when().get("/api/v1/assignments")
                .then().body("items.form", contains("BANNER", "LAUNCH_CEREMONY"));
        asNationalAdmin().queryParam("planId", national).queryParam("size", 100).when().get("/api/v1/assignments")
                .then().body("totalItems", equalTo(provincial.size()));

        // The banners hang in every commune from 6 to 21 May, and not after.
        asNationalAdmin().queryParam("orgUnit", "LC-HOPHAI").queryParam("date", "2024-05-06")
                .when().get("/api/v1/campaigns/calendar")
                .then().statusCode(200)
                .body("findAll { it.kind == 'BANNER' }.windowEnd", contains("2024-05-21"))
                .body("findAll { it.campaignId == '" + campaign + "' }", hasSize(((List<?>) guidance.get("forms")).size()));
        asNationalAdmin().queryParam("orgUnit", "LC-HOPHAI").queryParam("date", "2024-05-22")
                .when().get("/api/v1/campaigns/calendar")
                .then().body("findAll { it.kind == 'BANNER' }", hasSize(0));

        // Seed 004: Lao Cai plans under the sector's 2024 plan, its 7 peak days of small groups implementing the
        // national month; the master plan's indicators reach it through the 2024 plan.
        RequestSpecification lcManager = as("unit-manager", "LC");
        String province = post(lcManager, "/api/v1/plans", with(seed.get("provincialPlan"), "parentPlanId", year),
                201).getString("id");
        asNationalAdmin().when().get("/api/v1/plans/" + province).then()
                .body("indicators.code", equalTo(((Map<String, Object>) seed.get("masterPlan")).get("indicatorCodes")))
                .body("indicators.sourcePlanId", everyItem(equalTo(master)))
                .body("effectiveObjectives.inherited", equalTo(false));
        String peakDays = post(lcManager, "/api/v1/campaigns", with(with(seed.get("provincialCampaign"), "planId",
                province), "implementsCampaignId", campaign), 201).getString("id");
        Map<String, Object> task = (Map<String, Object>) seed.get("provincialTask");
        String smallGroups = post(lcManager, "/api/v1/assignments",
                with(with(task, "planId", province), "campaignId", peakDays), 201).getString("id");

        List<Object> shares = (List<Object>) seed.get("communeShares");
        List<Object> tooMany = new ArrayList<>(shares);
        tooMany.add(Map.of("orgUnitCode", "LC-SAPA", "quantity", 1));
        post(lcManager, "/api/v1/assignments/" + smallGroups + "/split", Map.of("children", tooMany), 400);
        JsonPath split = post(lcManager, "/api/v1/assignments/" + smallGroups + "/split", Map.of("children", shares), 201);
        int total = split.getList("quantity", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertEquals(((Number) task.get("quantity")).intValue(), total);
        assertEquals(List.of("LC-HOPHAI", "LC-VANBAN", "LC-BATXAT", "LC-SAPA"), split.getList("orgUnitCode"));

        transition(lcManager, province, "SUBMIT", 200);
        transition(lcManager, province, "APPROVE", 403);
        transition(as("unit-manager", "HN"), province, "APPROVE", 403);
        transition(as("unit-manager", "VN"), province, "APPROVE", 200);
        asNationalAdmin().when().get("/api/v1/plans/" + province + "/transitions")
                .then().body("action", contains("SUBMIT", "APPROVE")).body("[1].actor", equalTo("unit-manager-user"));

        // On 15 May a commune of Lao Cai runs the national forms and the province's small groups.
        asNationalAdmin().queryParam("orgUnit", "LC-HOPHAI").queryParam("date", "2024-05-15")
                .when().get("/api/v1/campaigns/calendar")
                .then().body("findAll { it.campaignId == '" + peakDays + "' }.kind", contains("SMALL_GROUP"))
                .body("findAll { it.campaignId == '" + peakDays + "' }.windowStart", contains("2024-05-13"))
                .body("findAll { it.campaignId == '" + peakDays + "' }.windowEnd", contains("2024-05-19"))
                .body("findAll { it.campaignId == '" + peakDays + "' }.implementsCampaignId", contains(campaign))
                .body("kind", hasItems("BANNER", "SMALL_GROUP", "LIVESTREAM"));
        // Ha Noi sees the national campaign but not Lao Cai's.
        asNationalAdmin().queryParam("orgUnit", "HN").queryParam("date", "2024-05-15")
                .when().get("/api/v1/campaigns/calendar")
                .then().body("findAll { it.campaignId == '" + peakDays + "' }", hasSize(0))
                .body("kind", hasItems("BANNER"));
    }
}
