package vn.commops.plan.form;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OutboxContents;
import vn.commops.plan.assignment.AssignmentFixtures;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanFixtures;

@QuarkusTest
class FormCatalogueTest {

    @Inject
    DataSource dataSource;

    @Test
    void theSeededCatalogueHoldsTheFormsTheSeedsNameWithTheirFigures() {
        asNationalAdmin().when().get("/api/v1/communication-forms").then().statusCode(200)
                .body("code", hasItems("BANNER", "CONFERENCE", "BOOK_AND_CARD_DONATION", "TELEVISION_BROADCAST",
                        "SEMINAR", "TALK_SHOW"))
                .body("find { it.code == 'RADIO_BROADCAST' }.requiredFigures", equalTo(List.of("quantity",
                        "durationMinutes")))
                .body("find { it.code == 'TELEVISION_BROADCAST' }.requiredFigures", equalTo(List.of("quantity",
                        "durationMinutes")))
                .body("find { it.code == 'SEMINAR' }.channel", equalTo("DIRECT"))
                .body("find { it.code == 'SEMINAR' }.nameVi", equalTo("Tọa đàm"));
    }

    @Test
    void anAddedFormIsPublishedWithItsWholeState() {
        String code = FormFixtures.add(FormFixtures.uniqueCode("HOME_VISIT"), "DIRECT", "attendance");

        as("viewer").when().get("/api/v1/communication-forms/" + code).then().statusCode(200)
                .header("ETag", "\"0\"").body("requiredFigures", equalTo(List.of("attendance")))
                .body("retired", equalTo(false));
        List<JsonNode> events = envelopes(code);
        assertEquals(1, events.size());
        assertEquals(CommunicationFormEvents.ADDED, events.get(0).get("type").asText());
        JsonNode data = events.get(0).get("data");
        assertEquals("DIRECT", data.get("channel").asText());
        assertEquals("attendance", data.get("requiredFigures").get(0).asText());
        assertEquals(0, data.get("version").asInt());
    }

    @Test
    void aRetriedAdditionChangesNothingAndADifferentOneConflicts() {
        String code = FormFixtures.add(FormFixtures.uniqueCode("RETRIED"), "DIRECT", "attendance");

        asNationalAdmin().contentType(ContentType.JSON).body(FormFixtures.form(code, "DIRECT", "attendance"))
                .when().post("/api/v1/communication-forms").then().statusCode(200).body("code", equalTo(code));
        asNationalAdmin().contentType(ContentType.JSON).body(FormFixtures.form(code, "INTERNET", "reach"))
                .when().post("/api/v1/communication-forms").then().statusCode(409)
                .body("type", equalTo("urn:commops:problem:communication-form-exists"));
        assertEquals(1, envelopes(code).size());
    }

    @Test
    void aFigureTheActivityDoesNotHaveIsRefusedNamingIt() {
        asNationalAdmin().contentType(ContentType.JSON)
                .body(FormFixtures.form(FormFixtures.uniqueCode("BAD"), "DIRECT", "attendance", "applause"))
                .when().post("/api/v1/communication-forms").then().statusCode(400)
                .body("errors[0].field", equalTo("requiredFigures[1]"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(FormFixtures.form("home_visit", "DIRECT", "attendance"))
                .when().post("/api/v1/communication-forms").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void aChangeNeedsTheVersionItWasBasedOn() {
        String code = FormFixtures.add(FormFixtures.uniqueCode("CHANGE"), "DIRECT", "attendance");

        asNationalAdmin().contentType(ContentType.JSON).body(FormFixtures.change("DIRECT", "attendance", "reach"))
                .when().put("/api/v1/communication-forms/" + code).then().statusCode(428);
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(FormFixtures.change("DIRECT", "attendance", "reach"))
                .when().put("/api/v1/communication-forms/" + code).then().statusCode(200)
                .header("ETag", "\"1\"").body("requiredFigures", equalTo(List.of("attendance", "reach")));
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(FormFixtures.change("DIRECT", "attendance"))
                .when().put("/api/v1/communication-forms/" + code).then().statusCode(412);
        List<JsonNode> events = envelopes(code);
        assertEquals(CommunicationFormEvents.CHANGED, events.get(events.size() - 1).get("type").asText());
        assertEquals(1, events.get(events.size() - 1).get("data").get("version").asInt());
    }

    @Test
    void aRetiredFormIsListedOnlyOnRequestAndRetiringTwiceIsOnce() {
        String code = FormFixtures.add(FormFixtures.uniqueCode("OLD"), "VISUAL", "quantity");
        FormFixtures.retire(code);
        FormFixtures.retire(code);

        as("viewer").when().get("/api/v1/communication-forms").then().statusCode(200)
                .body("code", not(hasItems(code)));
        as("viewer").queryParam("includeRetired", true).when().get("/api/v1/communication-forms")
                .then().statusCode(200).body("find { it.code == '" + code + "' }.retired", equalTo(true));
        assertEquals(List.of(CommunicationFormEvents.ADDED, CommunicationFormEvents.RETIRED),
                envelopes(code).stream().map(e -> e.get("type").asText()).toList());
    }

    @Test
    void campaignsAndAssignmentsNameKnownFormsThatAreNotRetired() {
        String[] tree = OrgUnitFixtures.tree();
        String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01",
                "2024-05-31");
        String retired = FormFixtures.add(FormFixtures.uniqueCode("OLD"), "DIRECT", "attendance");
        FormFixtures.retire(retired);

        asNationalAdmin().contentType(ContentType.JSON).body(campaign(plan, "NO_SUCH_FORM"))
                .when().post("/api/v1/campaigns").then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:unknown-communication-form"))
                .body("errors[0].field", equalTo("forms[0].kind"));
        asNationalAdmin().contentType(ContentType.JSON).body(campaign(plan, retired))
                .when().post("/api/v1/campaigns").then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:communication-form-retired"));
        asNationalAdmin().contentType(ContentType.JSON).body(campaign(plan, "TELEVISION_BROADCAST"))
                .when().post("/api/v1/campaigns").then().statusCode(201)
                .body("forms[0].channel", equalTo("MASS_MEDIA"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(AssignmentFixtures.assignment(plan, tree[1], retired, 10, 0, "2024-05-13", "2024-05-19",
                        Map.of()))
                .when().post("/api/v1/assignments").then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:communication-form-retired"))
                .body("errors[0].field", equalTo("form"));
        AssignmentFixtures.create(AssignmentFixtures.assignment(plan, tree[1], "SEMINAR", 10, 0, "2024-05-13",
                "2024-05-19", Map.of()));
    }

    private static Map<String, Object> campaign(String plan, String form) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", plan);
        body.put("theme", "Tọa đàm chính sách BHXH tự nguyện");
        body.put("startDate", "2024-05-13");
        body.put("endDate", "2024-05-19");
        body.put("forms", List.of(Map.of("kind", form)));
        return body;
    }

    private List<JsonNode> envelopes(String code) {
        return OutboxContents.events(dataSource, e -> code.equals(e.key())).stream()
                .map(OutboxContents.Stored::envelope).toList();
    }
}
