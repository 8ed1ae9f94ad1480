package vn.commops.indicator.value;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asPartner;
import static vn.commops.indicator.value.Values.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.indicator.Fixtures.Activity;
import vn.commops.indicator.Fixtures;

@QuarkusTest
class LiveValuesTest {

    private Fixtures.Tree tree;

    @BeforeEach
    void units() {
        tree = Fixtures.tree();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    private Activity conference(String startedAt, long attendance) {
        return new Activity(tree.communeA(), tree.pathA(), "CONFERENCE", startedAt).set("attendance", attendance);
    }

    @Test
    void aPublishedActivityMovesTheValuesOfItsUnitAndEveryAncestorWithinSeconds() {
        Activity activity = conference("2024-05-13T08:00:00+07:00", 40).set("newHealthInsurance", 5);
        long sent = System.nanoTime();
        activity.publish(activity.recorded());

        eventually(() -> assertEquals(40.0, value("CONFERENCE_ATTENDANCE", tree.province(), "202405")));
        assertEquals(true, Duration.ofNanos(System.nanoTime() - sent).toSeconds() < 10);
        assertEquals(1.0, value("CONFERENCES_HELD", tree.communeA(), "202405"));
        assertEquals(5.0, value("NEW_HI_PARTICIPANTS", tree.province(), "2024"));
        assertEquals(40.0, value("AVERAGE_CONFERENCE_ATTENDANCE", tree.province(), "2024Q2"));
        assertEquals(0.0, value("CONFERENCES_HELD", tree.communeB(), "202405"));
    }

    @Test
    void valuesRollUpTheHierarchyAndOverPeriods() {
        Activity a = conference("2024-05-13T08:00:00+07:00", 30);
        Activity b = new Activity(tree.communeB(), tree.pathB(), "CONFERENCE", "2024-05-20T08:00:00+07:00")
                .set("attendance", 50);
        Activity c = new Activity(tree.communeB(), tree.pathB(), "SMALL_GROUP", "2024-07-01T08:00:00+07:00")
                .set("attendance", 12);
        a.publish(a.recorded());
        b.publish(b.recorded());
        c.publish(c.recorded());

        eventually(() -> assertEquals(3.0, value("ACTIVITIES_HELD", tree.province(), "2024")));
        assertEquals(2.0, value("ACTIVITIES_HELD", tree.province(), "202405"));
        assertEquals(2.0, value("ACTIVITIES_HELD", tree.province(), "2024Q2"));
        assertEquals(1.0, value("ACTIVITIES_HELD", tree.province(), "2024Q3"));
        assertEquals(1.0, value("ACTIVITIES_HELD", tree.province(), "2024W20"));
        assertEquals(1.0, value("ACTIVITIES_HELD", tree.province(), "20240520"));
        assertEquals(40.0, value("AVERAGE_CONFERENCE_ATTENDANCE", tree.province(), "202405"));
        assertEquals(2.0, value("ACTIVITIES_HELD", tree.communeB(), "2024"));

        as("viewer").queryParam("indicators", "ACTIVITIES_HELD").queryParam("orgUnit", tree.province())
                .queryParam("scope", "CHILDREN").queryParam("period", "202405,202407").queryParam("sort", "-value")
                .when().get("/api/v1/indicators/values")
                .then().statusCode(200).body("totalItems", equalTo(4))
                .body("items[0].value", equalTo(1.0f)).body("items[3].value", equalTo(0.0f));
        as("viewer").queryParam("orgUnit", tree.communeB()).queryParam("from", "2024-05-01")
                .queryParam("to", "2024-07-31").queryParam("periodType", "MONTH")
                .when().get("/api/v1/indicators/ACTIVITIES_HELD/series")
                .then().statusCode(200)
                .body("period", equalTo(List.of("202405", "202406", "202407")))
                .body("value", equalTo(List.of(1.0f, 0.0f, 1.0f)));
    }

    @Test
    void aCorrectionMovesTheTotalsByExactlyTheDifference() {
        Activity activity = conference("2024-05-14T08:00:00+07:00", 40);
        Activity other = conference("2024-05-14T10:00:00+07:00", 7);
        activity.publish(activity.recorded());
        other.publish(other.recorded());
        eventually(() -> assertEquals(47.0, value("CONFERENCE_ATTENDANCE", tree.province(), "202405")));

        activity.set("attendance", 55);
        activity.publish(activity.next("activity.corrected"));
        eventually(() -> assertEquals(62.0, value("CONFERENCE_ATTENDANCE", tree.province(), "202405")));
        assertEquals(2.0, value("CONFERENCES_HELD", tree.province(), "202405"));

        // A correction of the date moves it to another month, not duplicates it.
        activity.set("startedAt", "2024-06-02T08:00:00+07:00");
        activity.publish(activity.next("activity.corrected"));
        eventually(() -> assertEquals(55.0, value("CONFERENCE_ATTENDANCE", tree.province(), "202406")));
        assertEquals(7.0, value("CONFERENCE_ATTENDANCE", tree.province(), "202405"));
    }

    @Test
    void aWithdrawnActivityCountsZero() {
        Activity activity = conference("2024-05-15T08:00:00+07:00", 25);
        activity.publish(activity.recorded());
        eventually(() -> assertEquals(1.0, value("CONFERENCES_HELD", tree.communeA(), "202405")));

        activity.set("withdrawn", true);
        activity.publish(activity.next("activity.withdrawn"));
        eventually(() -> assertEquals(0.0, value("CONFERENCES_HELD", tree.communeA(), "202405")));
        assertEquals(0.0, value("CONFERENCE_ATTENDANCE", tree.province(), "202405"));
    }

    @Test
    void redeliveriesAndOlderRevisionsChangeNothing() {
        Activity activity = conference("2024-05-16T08:00:00+07:00", 10);
        String first = activity.recorded();
        activity.set("attendance", 12);
        String second = activity.next("activity.corrected");
        Activity marker = conference("2024-05-16T09:00:00+07:00", 1);

        activity.publish(first, second, second, first);
        marker.publish(marker.recorded());

        eventually(() -> assertEquals(2.0, value("CONFERENCES_HELD", tree.communeA(), "202405")));
        assertEquals(13.0, value("CONFERENCE_ATTENDANCE", tree.communeA(), "202405"));
    }

    @Test
    void verifiedOnlyCountsActivitiesOnceVerified() {
        Activity activity = conference("2024-05-17T08:00:00+07:00", 20);
        activity.publish(activity.recorded());
        eventually(() -> assertEquals(20.0, value("CONFERENCE_ATTENDANCE", tree.communeA(), "202405")));
        assertEquals(0.0, value("CONFERENCE_ATTENDANCE", tree.communeA(), "202405", Map.of("verifiedOnly", true)));

        activity.set("verificationStatus", "VERIFIED");
        activity.publish(activity.next("activity.verified"));
        eventually(() -> assertEquals(20.0,
                value("CONFERENCE_ATTENDANCE", tree.communeA(), "202405", Map.of("verifiedOnly", true))));
        assertEquals(20.0, value("CONFERENCE_ATTENDANCE", tree.communeA(), "202405"));

        activity.set("verificationStatus", "REJECTED");
        activity.publish(activity.next("activity.verified"));
        eventually(() -> assertEquals(0.0, value("CONFERENCE_ATTENDANCE", tree.communeA(), "202405")));
    }

    @Test
    void formAndCampaignFiltersAndTheCampaignWindow() {
        String campaign = UUID.randomUUID().toString();
        TopicProbe.send("campaigns", campaign,
                Fixtures.campaign(campaign, tree.province(), tree.provincePath(), "2024-05-13", "2024-05-19"));
        Activity inWindowTagged = conference("2024-05-13T08:00:00+07:00", 5).set("campaignId", campaign);
        Activity inWindowUntagged = new Activity(tree.communeB(), tree.pathB(), "LIVESTREAM",
                "2024-05-19T20:00:00+07:00").set("plays", 18600).set("interactions", 2000);
        Activity before = conference("2024-05-12T08:00:00+07:00", 9).set("campaignId", campaign);
        inWindowTagged.publish(inWindowTagged.recorded());
        inWindowUntagged.publish(inWindowUntagged.recorded());
        before.publish(before.recorded());

        eventually(() -> assertEquals(2.0, value("ACTIVITIES_HELD", tree.province(), campaign)));
        assertEquals(18600.0, value("LIVESTREAM_PLAYS", tree.province(), campaign));
        assertEquals(2.0, value("ACTIVITIES_HELD", tree.province(), "202405", Map.of("campaign", campaign)));
        assertEquals(1.0, value("ACTIVITIES_HELD", tree.province(), campaign, Map.of("campaign", campaign)));
        assertEquals(2.0, value("ACTIVITIES_HELD", tree.province(), "202405", Map.of("form", "CONFERENCE")));
        assertEquals(1.0, value("ACTIVITIES_HELD", tree.province(), "202405", Map.of("form", "LIVESTREAM")));
        as("viewer").queryParam("orgUnit", tree.province()).queryParam("period", "202405")
                .queryParam("form", "PARADE").when().get("/api/v1/indicators/values")
                .then().statusCode(400).body("errors[0].field", equalTo("form"));
        as("viewer").queryParam("orgUnit", tree.province()).queryParam("period", UUID.randomUUID().toString())
                .when().get("/api/v1/indicators/values")
                .then().statusCode(422).body("errors[0].field", equalTo("period"));
    }

    @Test
    void valuesComeAsCsvOnRequest() {
        Activity activity = conference("2024-05-18T08:00:00+07:00", 33);
        activity.publish(activity.recorded());
        eventually(() -> assertEquals(33.0, value("CONFERENCE_ATTENDANCE", tree.communeA(), "202405")));

        String csv = as("viewer").accept("text/csv").queryParam("indicators", "CONFERENCE_ATTENDANCE")
                .queryParam("orgUnit", tree.province()).queryParam("scope", "CHILDREN").queryParam("period", "202405")
                .when().get("/api/v1/indicators/values")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals("\uFEFFindicatorCode,orgUnitCode,orgUnitName,period,startDate,endDate,value,numerator,denominator\r\n"
                + "CONFERENCE_ATTENDANCE," + tree.communeA() + ",Đơn vị " + tree.communeA()
                + ",202405,2024-05-01,2024-05-31,33,33,1\r\n"
                + "CONFERENCE_ATTENDANCE," + tree.communeB() + ",Đơn vị " + tree.communeB()
                + ",202405,2024-05-01,2024-05-31,0,0,1\r\n", csv);
    }

    @Test
    void valuesAreForStaffOnly() {
        RestAssured.given().queryParam("orgUnit", "VN").queryParam("period", "2024")
                .when().get("/api/v1/indicators/values").then().statusCode(401);
        asPartner("post-office", "LC").queryParam("orgUnit", "VN").queryParam("period", "2024")
                .when().get("/api/v1/indicators/values").then().statusCode(403);
        as("crisis-analyst").queryParam("orgUnit", "VN").queryParam("period", "2024")
                .when().get("/api/v1/indicators/values").then().statusCode(200);
        as("viewer").queryParam("period", "2024").when().get("/api/v1/indicators/values")
                .then().statusCode(400).body("errors[0].field", equalTo("orgUnit"));
    }
}
