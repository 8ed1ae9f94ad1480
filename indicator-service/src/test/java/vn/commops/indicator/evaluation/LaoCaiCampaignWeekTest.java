package vn.commops.indicator.evaluation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.indicator.Fixtures;
import vn.commops.indicator.Fixtures.Activity;

/**
 * Seed 004: Lao Cai's "7 peak days of small-group propaganda" (13–19 May 2024) developed 262 new voluntary
 * SI participants, 1,837 HI participants, 519 VssID installs and 101 non-cash conversions; a livestream drew
 * 18,600 plays and 2,000 interactions; a job-fair booth 68 visitors. Reported as activity events, those are
 * exactly the figures on Lao Cai's scorecard and in the national roll-up.
 */
@QuarkusTest
class LaoCaiCampaignWeekTest {

    private static final List<String> INDICATORS = List.of("NEW_VOLUNTARY_SI_PARTICIPANTS", "NEW_HI_PARTICIPANTS",
            "APP_INSTALLS", "NON_CASH_CONVERSIONS", "LIVESTREAM_PLAYS", "ONLINE_INTERACTIONS", "BOOTH_VISITORS");
    private static final Map<String, Double> SEED = Map.of("NEW_VOLUNTARY_SI_PARTICIPANTS", 262.0,
            "NEW_HI_PARTICIPANTS", 1837.0, "APP_INSTALLS", 519.0, "NON_CASH_CONVERSIONS", 101.0,
            "LIVESTREAM_PLAYS", 18600.0, "ONLINE_INTERACTIONS", 2000.0, "BOOTH_VISITORS", 68.0);

    @Test
    void theCampaignWeekGivesExactlyTheSeedsTotals() {
        String campaign = UUID.randomUUID().toString();
        Fixtures.unit("VN", "NATIONAL", "/VN/");
        Fixtures.unit("LC", "PROVINCE", "/VN/LC/");
        String vanBan = "LC-VANBAN";
        String hoPhai = "LC-HOPHAI";
        Fixtures.unit(vanBan, "COMMUNE", "/VN/LC/" + vanBan + "/");
        Fixtures.unit(hoPhai, "COMMUNE", "/VN/LC/" + hoPhai + "/");
        TopicProbe.send("campaigns", campaign, Fixtures.campaign(campaign, "LC", "/VN/LC/", "2024-05-13", "2024-05-19"));

        // Small groups across the province; the outcomes add up to the seed's figures.
        List<Activity> week = List.of(
                smallGroup(vanBan, "2024-05-13", 90, 640, 180, 35, campaign),
                smallGroup(hoPhai, "2024-05-15", 100, 700, 200, 40, campaign),
                smallGroup(vanBan, "2024-05-19", 72, 497, 139, 26, campaign),
                new Activity("LC", "/VN/LC/", "LIVESTREAM", "2024-05-16T20:00:00+07:00")
                        .set("plays", 18_600).set("interactions", 2_000).set("campaignId", campaign),
                new Activity("LC", "/VN/LC/", "ADVISORY_BOOTH", "2024-05-17T08:00:00+07:00")
                        .set("attendance", 68).set("campaignId", campaign));
        week.forEach(activity -> activity.publish(activity.recorded()));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEquals(SEED, lcScorecard()));
        // The campaign's window arrives on its own topic, maybe after the activities.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("viewer").queryParam("orgUnit", "VN").queryParam("period", campaign)
                        .when().get("/api/v1/indicators/values").statusCode() == 200);
        assertEquals(SEED, nationalRollUp(campaign));

        JsonPath national = as("viewer").queryParam("orgUnit", "VN").queryParam("period", "2024W20")
                .queryParam("indicators", String.join(",", INDICATORS))
                .when().get("/api/v1/evaluations/scorecard").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> lcRow = national.getList("children.find { it.orgUnitCode == 'LC' }.evaluations");
        assertEquals(SEED, lcRow.stream().collect(Collectors.toMap(e -> (String) e.get("indicatorCode"),
                e -> ((Number) e.get("value")).doubleValue())));
    }

    private static Activity smallGroup(String commune, String day, long si, long hi, long installs, long nonCash,
            String campaign) {
        return new Activity(commune, "/VN/LC/" + commune + "/", "SMALL_GROUP", day + "T08:00:00+07:00")
                .set("attendance", 30).set("newSocialInsurance", si).set("newHealthInsurance", hi)
                .set("appInstalls", installs).set("nonCashConversions", nonCash).set("campaignId", campaign);
    }

    private static Map<String, Double> lcScorecard() {
        JsonPath scorecard = as("viewer").queryParam("orgUnit", "LC").queryParam("period", "2024W20")
                .queryParam("indicators", String.join(",", INDICATORS))
                .when().get("/api/v1/evaluations/scorecard").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> unit = scorecard.getList("unit");
        return unit.stream().collect(Collectors.toMap(e -> (String) e.get("indicatorCode"),
                e -> ((Number) e.get("value")).doubleValue()));
    }

    /** The country's values in the campaign's window, counting only this campaign's activities. */
    private static Map<String, Double> nationalRollUp(String campaign) {
        JsonPath values = as("viewer").queryParam("orgUnit", "VN").queryParam("period", campaign)
                .queryParam("campaign", campaign).queryParam("indicators", String.join(",", INDICATORS))
                .when().get("/api/v1/indicators/values").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = values.getList("items");
        return items.stream().collect(Collectors.toMap(e -> (String) e.get("indicatorCode"),
                e -> ((Number) e.get("value")).doubleValue()));
    }
}
