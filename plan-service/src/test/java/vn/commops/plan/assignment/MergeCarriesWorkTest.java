package vn.commops.plan.assignment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.campaign.CampaignEvents;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanEvents;
import vn.commops.plan.plan.PlanFixtures;

/** When a unit is merged away, the plans it had not closed and its open assignments pass to the successor. */
@QuarkusTest
class MergeCarriesWorkTest {

    @Test
    void aMergedProvincesPlansAndAssignmentsPassToItsSuccessor() {
        String vn = OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, "2020-01-01");
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, "2020-01-01");
        String yb = OrgUnitFixtures.create("YB", "Tỉnh Yên Bái", "PROVINCE", vn, "2020-01-01");
        String open = PlanFixtures.createUnder(vn, "ANNUAL", "Kế hoạch truyền thông Yên Bái 2025", yb, "2025-01-01",
                "2025-12-31");
        String closed = PlanFixtures.createUnder(vn, "CAMPAIGN", "Tháng vận động Yên Bái 2024", yb, "2024-05-01",
                "2024-05-31");
        for (String action : List.of("SUBMIT", "APPROVE", "ACTIVATE", "CLOSE")) {
            PlanFixtures.move(closed, action);
        }
        String campaign = asNationalAdmin().contentType(ContentType.JSON).body(Map.of("planId", open,
                        "theme", "Tuyên truyền BHXH tự nguyện", "startDate", "2025-05-01", "endDate", "2025-05-31"))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        String task = AssignmentFixtures.create(AssignmentFixtures.assignment(open, yb, "CONFERENCE", 12, 30_000_000,
                "2025-01-01", "2025-12-31", Map.of()));

        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("mergedCodes", List.of(yb), "successorCode", lc, "effectiveDate", "2025-07-01"))
                .when().post("/api/v1/org-units/merges").then().statusCode(200);

        asNationalAdmin().when().get("/api/v1/plans/" + open).then().body("ownerUnitCode", equalTo(lc))
                .body("status", equalTo("DRAFT"));
        asNationalAdmin().when().get("/api/v1/plans/" + closed).then().body("ownerUnitCode", equalTo(yb));
        asNationalAdmin().when().get("/api/v1/plans/" + open + "/transitions")
                .then().body("action", hasItem("TRANSFER"))
                .body("[0].reason", equalTo("org unit '" + yb + "' taken over by '" + lc + "' from 2025-07-01"));
        asNationalAdmin().when().get("/api/v1/assignments/" + task)
                .then().body("orgUnitCode", equalTo(lc)).body("transferredFrom", equalTo(yb));

        TopicProbe.Received plan = TopicProbe.awaitEvent(PlanEvents.TOPIC, PlanEvents.TRANSFERRED, open);
        assertEquals(lc, plan.value().path("data").path("ownerUnitCode").asText());
        TopicProbe.Received assignment = TopicProbe.awaitEvent(AssignmentEvents.TOPIC, AssignmentEvents.TRANSFERRED, task);
        assertEquals(yb, assignment.value().path("data").path("transferredFrom").asText());
        TopicProbe.Received republished = TopicProbe.awaitEvent(CampaignEvents.TOPIC, CampaignEvents.UPDATED, campaign);
        assertEquals("/" + vn + "/" + lc + "/", republished.value().path("data").path("ownerUnitPath").asText());
    }
}
