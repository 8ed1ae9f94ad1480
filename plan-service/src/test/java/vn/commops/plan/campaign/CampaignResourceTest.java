package vn.commops.plan.campaign;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.empty;
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

@QuarkusTest
class CampaignResourceTest {

    static Map<String, Object> campaign(String planId, String start, String end, List<Map<String, Object>> forms) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", planId);
        body.put("theme", "Bảo hiểm xã hội - An sinh cho mọi nhà");
        body.put("startDate", start);
        body.put("endDate", end);
        body.put("keyMessages", List.of("Tham gia BHXH - Đóng góp hôm nay, an tâm tương lai",
                "BHXH tự nguyện - Khoản tiết kiệm của người lao động"));
        body.put("targetGroups", List.of("FREELANCE_WORKERS", "HOUSEHOLDS"));
        body.put("forms", forms);
        body.put("budgetLines", List.of(Map.of("item", "In băng rôn", "amountVnd", 15_000_000)));
        return body;
    }

    static Map<String, Object> form(String kind, String from, String to) {
        Map<String, Object> form = new HashMap<>();
        form.put("kind", kind);
        if (from != null) {
            form.put("windowStart", from);
            form.put("windowEnd", to);
        }
        return form;
    }

    @Test
    void aCampaignKeepsItsOrderedContentAndIsPublished() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động 2024", tree[0], "2024-05-01",
                "2024-05-31");

        String id = asNationalAdmin().contentType(ContentType.JSON)
                .body(campaign(plan, "2024-05-01", "2024-05-31", List.of(form("BANNER", "2024-05-06", "2024-05-21"),
                        form("LIVESTREAM", null, null))))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .body("keyMessages[1]", equalTo("BHXH tự nguyện - Khoản tiết kiệm của người lao động"))
                .body("forms.channel", contains("VISUAL", "INTERNET"))
                .body("forms[1].windowStart", equalTo("2024-05-01"))
                .body("budgetTotalVnd", equalTo(15_000_000))
                .extract().path("id");

        TopicProbe.Received created = TopicProbe.awaitEvent(CampaignEvents.TOPIC, CampaignEvents.CREATED, id);
        assertEquals("/" + tree[0] + "/", created.value().path("data").path("ownerUnitPath").asText());
        assertEquals("2024-05-31", created.value().path("data").path("endDate").asText());

        String etag = asNationalAdmin().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .extract().header("ETag");
        Map<String, Object> changed = campaign(plan, "2024-05-01", "2024-05-31", List.of(form("BANNER", null, null)));
        asNationalAdmin().contentType(ContentType.JSON).body(changed).when().put("/api/v1/campaigns/" + id)
                .then().statusCode(428);
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .when().put("/api/v1/campaigns/" + id).then().statusCode(200).body("forms.kind", contains("BANNER"));
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .when().put("/api/v1/campaigns/" + id).then().statusCode(412);
        TopicProbe.awaitEvent(CampaignEvents.TOPIC, CampaignEvents.UPDATED, id);
    }

    @Test
    void windowsTargetGroupsAndChannelsAreChecked() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động 2024", tree[1], "2024-05-01",
                "2024-05-31");

        asNationalAdmin().contentType(ContentType.JSON).body(campaign(plan, "2024-04-25", "2024-05-31", List.of()))
                .when().post("/api/v1/campaigns")
                .then().statusCode(422).body("type", equalTo("urn:commops:problem:campaign-outside-plan"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(campaign(plan, "2024-05-13", "2024-05-19", List.of(form("BANNER", "2024-05-06", "2024-05-21"))))
                .when().post("/api/v1/campaigns")
                .then().statusCode(422).body("errors[0].field", equalTo("forms[0].windowStart"));
        Map<String, Object> mismatch = form("BANNER", null, null);
        mismatch.put("channel", "INTERNET");
        asNationalAdmin().contentType(ContentType.JSON).body(campaign(plan, "2024-05-01", "2024-05-31", List.of(mismatch)))
                .when().post("/api/v1/campaigns")
                .then().statusCode(422).body("errors[0].field", equalTo("forms[0].channel"));
        Map<String, Object> unknownGroup = campaign(plan, "2024-05-01", "2024-05-31", List.of());
        unknownGroup.put("targetGroups", List.of("ALIENS"));
        asNationalAdmin().contentType(ContentType.JSON).body(unknownGroup).when().post("/api/v1/campaigns")
                .then().statusCode(422).body("errors[0].field", equalTo("targetGroups"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(campaign(plan, "2024-05-01", "2024-05-31", List.of(form("TELEPATHY", null, null))))
                .when().post("/api/v1/campaigns")
                .then().statusCode(422).body("type", equalTo("urn:commops:problem:unknown-communication-form"))
                .body("errors[0].field", equalTo("forms[0].kind"));
        as("unit-manager", OrgUnitFixtures.tree()[1]).contentType(ContentType.JSON)
                .body(campaign(plan, "2024-05-01", "2024-05-31", List.of())).when().post("/api/v1/campaigns")
                .then().statusCode(403);
        asNationalAdmin().when().get("/api/v1/campaigns/target-groups")
                .then().statusCode(200)
                .body("code", hasItems("FREELANCE_WORKERS", "STUDENTS", "HOUSEHOLDS", "EMPLOYERS", "ELDERLY",
                        "PEOPLE_IN_HARDSHIP", "FARMERS"));
    }

    @Test
    void theCalendarShowsApprovedCampaignsOfTheUnitItsAncestorsAndDescendantsOnly() {
        String[] tree = OrgUnitFixtures.tree();
        String[] sibling = OrgUnitFixtures.tree();
        String national = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động", tree[0], "2024-05-01",
                "2024-05-31");
        String commune = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "7 ngày cao điểm", tree[2], "2024-05-13",
                "2024-05-19");
        String elsewhere = PlanFixtures.createUnder(sibling[0], "CAMPAIGN", "Nơi khác", sibling[1], "2024-05-01",
                "2024-05-31");
        for (String plan : List.of(national, commune, elsewhere)) {
            asNationalAdmin().contentType(ContentType.JSON).body(campaign(plan, plan.equals(commune) ? "2024-05-13"
                            : "2024-05-01", plan.equals(commune) ? "2024-05-19" : "2024-05-31",
                            List.of(form(plan.equals(commune) ? "SMALL_GROUP" : "BANNER",
                                    plan.equals(commune) ? null : "2024-05-06", plan.equals(commune) ? null : "2024-05-21"))))
                    .when().post("/api/v1/campaigns").then().statusCode(201);
        }
        asNationalAdmin().queryParam("orgUnit", tree[1]).queryParam("date", "2024-05-13")
                .when().get("/api/v1/campaigns/calendar").then().statusCode(200).body("$", empty());

        for (String plan : List.of(national, commune, elsewhere)) {
            PlanFixtures.move(plan, "SUBMIT");
            PlanFixtures.move(plan, "APPROVE");
        }
        asNationalAdmin().queryParam("orgUnit", tree[1]).queryParam("date", "2024-05-13")
                .when().get("/api/v1/campaigns/calendar")
                .then().statusCode(200)
                .body("kind", contains("BANNER", "SMALL_GROUP"))
                .body("ownerUnitCode", contains(tree[0], tree[2]))
                .body("[0].windowStart", equalTo("2024-05-06"))
                .body("[0].windowEnd", equalTo("2024-05-21"));
        asNationalAdmin().queryParam("orgUnit", tree[2]).queryParam("from", "2024-05-22").queryParam("to", "2024-05-31")
                .when().get("/api/v1/campaigns/calendar").then().body("$", empty());
        asNationalAdmin().queryParam("orgUnit", tree[2]).when().get("/api/v1/campaigns/calendar")
                .then().statusCode(400);
    }
}
