package vn.commops.plan.campaign;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanFixtures;

/** A provincial campaign names the national campaign it implements, and the calendar shows the link. */
@QuarkusTest
class CampaignImplementsTest {

    private static Map<String, Object> campaign(String plan, String theme, String start, String end, String implemented) {
        Map<String, Object> body = CampaignResourceTest.campaign(plan, start, end,
                List.of(CampaignResourceTest.form("SMALL_GROUP", null, null)));
        body.put("theme", theme);
        if (implemented != null) {
            body.put("implementsCampaignId", implemented);
        }
        return body;
    }

    private static String create(Map<String, Object> body) {
        return asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
    }

    private static void refused(Map<String, Object> body, String type) {
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/campaigns")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:" + type))
                .body("errors[0].field", equalTo("implementsCampaignId"));
    }

    @Test
    void aProvincialCampaignImplementsAnApprovedOverlappingCampaignOfAUnitAbove() {
        String[] tree = OrgUnitFixtures.tree();
        String[] sibling = OrgUnitFixtures.tree();
        String year = PlanFixtures.parentFor("CAMPAIGN", tree[0], "2024-01-01", "2024-12-31");
        String nationalPlan = PlanFixtures.create("CAMPAIGN", "Tháng vận động 2024", tree[0], "2024-05-01", "2024-05-31",
                year);
        String national = create(campaign(nationalPlan, "Bảo hiểm xã hội - An sinh cho mọi nhà", "2024-05-01",
                "2024-05-31", null));
        String province = PlanFixtures.create("CAMPAIGN", "Hưởng ứng Tháng vận động", tree[1], "2024-05-01",
                "2024-06-30", year);

        refused(campaign(province, "7 ngày cao điểm", "2024-05-13", "2024-05-19", national),
                "implemented-campaign-not-approved");
        PlanFixtures.move(nationalPlan, "SUBMIT");
        PlanFixtures.move(nationalPlan, "APPROVE");
        refused(campaign(province, "Tuần lễ vàng tháng 6", "2024-06-01", "2024-06-07", national),
                "implemented-campaign-not-overlapping");
        refused(campaign(province, "7 ngày cao điểm", "2024-05-13", "2024-05-19",
                "5c9e2a71-3d4b-4f8a-b6e0-1a7d3c9f2b64"), "unknown-campaign");
        String elsewherePlan = PlanFixtures.approvedUnder(sibling[0], "CAMPAIGN", "Nơi khác", sibling[1], "2024-05-01",
                "2024-05-31");
        String elsewhere = create(campaign(elsewherePlan, "Nơi khác", "2024-05-01", "2024-05-31", null));
        refused(campaign(province, "7 ngày cao điểm", "2024-05-13", "2024-05-19", elsewhere),
                "implemented-campaign-not-above");

        String peakDays = as("unit-manager", tree[1]).contentType(ContentType.JSON)
                .body(campaign(province, "7 ngày cao điểm", "2024-05-13", "2024-05-19", national))
                .when().post("/api/v1/campaigns").then().statusCode(201)
                .body("implementsCampaignId", equalTo(national))
                .extract().path("id");
        String etag = asNationalAdmin().when().get("/api/v1/campaigns/" + peakDays).then().extract().header("ETag");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag)
                .body(campaign(province, "7 ngày cao điểm", "2024-05-13", "2024-05-19", peakDays))
                .when().put("/api/v1/campaigns/" + peakDays).then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:campaign-implements-itself"));
        TopicProbe.Received created = TopicProbe.awaitEvent(CampaignEvents.TOPIC, CampaignEvents.CREATED, peakDays);
        assertEquals(national, created.value().path("data").path("implementsCampaignId").asText());

        asNationalAdmin().queryParam("implementsCampaignId", national).when().get("/api/v1/campaigns")
                .then().statusCode(200).body("items.id", contains(peakDays));

        PlanFixtures.move(province, "SUBMIT");
        PlanFixtures.move(province, "APPROVE");
        Map<String, Object> day = new HashMap<>(Map.of("orgUnit", tree[2], "date", "2024-05-15"));
        asNationalAdmin().queryParams(day).when().get("/api/v1/campaigns/calendar").then().statusCode(200)
                .body("campaignId", contains(national, peakDays))
                .body("find { it.campaignId == '" + peakDays + "' }.implementsCampaignId", equalTo(national))
                .body("find { it.campaignId == '" + peakDays + "' }.implementsTheme",
                        equalTo("Bảo hiểm xã hội - An sinh cho mọi nhà"))
                .body("find { it.campaignId == '" + national + "' }.implementsCampaignId", equalTo(null));
    }

    @Test
    void aCampaignMayImplementOneOfAPlanAboveItsOwnInTheSameUnit() {
        String[] tree = OrgUnitFixtures.tree();
        String year = PlanFixtures.parentFor("PERIODIC", tree[1], "2024-01-01", "2024-12-31");
        String yearCampaign = create(campaign(year, "Phát triển người tham gia BHXH tự nguyện", "2024-01-01",
                "2024-12-31", null));
        String quarter = PlanFixtures.approved("PERIODIC", "Quý II/2024", tree[1], "2024-04-01", "2024-06-30", year);
        String week = PlanFixtures.create("CAMPAIGN", "Tuần lễ vàng", tree[1], "2024-05-25", "2024-05-31", quarter);
        create(campaign(week, "Tuần lễ vàng phát triển người tham gia", "2024-05-25", "2024-05-31", yearCampaign));
        String sameLevel = create(campaign(week, "Ngày hội", "2024-05-26", "2024-05-26", null));
        refused(campaign(week, "Tuần lễ vàng", "2024-05-25", "2024-05-31", sameLevel), "implemented-campaign-not-above");
    }
}
