package vn.commops.indicator.evaluation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.indicator.Fixtures.Activity;
import vn.commops.indicator.Fixtures;

@QuarkusTest
class EvaluationTest {

    private Fixtures.Tree tree;
    @Inject
    AlertWatch alertWatch;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void units() {
        tree = Fixtures.tree();
    }

    private static void setTarget(String indicator, String unit, String period, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("indicatorCode", indicator);
        body.put("orgUnitCode", unit);
        body.put("period", period);
        body.put("value", value);
        body.put("effectiveFrom", "2024-01-01");
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/targets")
                .then().statusCode(201);
    }

    private void conferences(String unit, String path, String day, int count, long attendance) {
        for (int i = 0; i < count; i++) {
            Activity activity = new Activity(unit, path, "CONFERENCE", day + "T08:00:00+07:00")
                    .set("attendance", attendance);
            activity.publish(activity.recorded());
        }
    }

    private static JsonPath evaluation(String indicator, String unit, String period, String asOf) {
        return as("viewer").queryParam("indicators", indicator).queryParam("orgUnit", unit)
                .queryParam("period", period).queryParam("asOf", asOf)
                .when().get("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    @Test
    void aCountIsExpectedInProportionToThePeriodElapsedAndARateWhole() {
        setTarget("CONFERENCES_HELD", tree.communeA(), "202405", 31);
        setTarget("AVERAGE_CONFERENCE_ATTENDANCE", tree.communeA(), "202405", 50);
        conferences(tree.communeA(), tree.pathA(), "2024-05-02", 10, 40);
        eventually(() -> assertEquals(10f, evaluation("CONFERENCES_HELD", tree.communeA(), "202405", "2024-05-16")
                .getFloat("[0].value")));

        JsonPath midMonth = evaluation("CONFERENCES_HELD", tree.communeA(), "202405", "2024-05-16");
        assertEquals(16f / 31, midMonth.getFloat("[0].elapsedShare"), 1e-4);
        assertEquals(16f, midMonth.getFloat("[0].expectedByNow"), 1e-3);
        assertEquals("BEHIND", midMonth.getString("[0].status"));
        assertEquals("ON_TRACK", evaluation("CONFERENCES_HELD", tree.communeA(), "202405", "2024-05-09")
                .getString("[0].status"));
        JsonPath rate = evaluation("AVERAGE_CONFERENCE_ATTENDANCE", tree.communeA(), "202405", "2024-05-02");
        assertEquals(50f, rate.getFloat("[0].expectedByNow"));
        assertEquals(80f, rate.getFloat("[0].achievementPercent"));
        assertEquals("BEHIND", rate.getString("[0].status"));
        assertEquals("NO_TARGET", evaluation("CONFERENCES_HELD", tree.communeB(), "202405", "2024-05-16")
                .getString("[0].status"));

        conferences(tree.communeA(), tree.pathA(), "2024-05-20", 21, 60);
        eventually(() -> assertEquals("ACHIEVED", evaluation("CONFERENCES_HELD", tree.communeA(), "202405",
                "2024-05-21").getString("[0].status")));
        assertEquals("ACHIEVED", evaluation("AVERAGE_CONFERENCE_ATTENDANCE", tree.communeA(), "202405", "2024-05-21")
                .getString("[0].status"));
    }

    @Test
    void aScorecardRankingsAndCommendationsJudgeTheChildren() {
        setTarget("CONFERENCES_HELD", tree.communeA(), "2024Q2", 2);
        setTarget("CONFERENCES_HELD", tree.communeB(), "2024Q2", 4);
        conferences(tree.communeA(), tree.pathA(), "2024-04-10", 3, 20);
        conferences(tree.communeB(), tree.pathB(), "2024-04-11", 1, 20);
        eventually(() -> assertEquals(4f, evaluation("CONFERENCES_HELD", tree.province(), "2024Q2", null)
                .getFloat("[0].value")));

        as("viewer").queryParam("orgUnit", tree.province()).queryParam("period", "2024Q2")
                .queryParam("indicators", "CONFERENCES_HELD,CONFERENCE_ATTENDANCE")
                .when().get("/api/v1/evaluations/scorecard").then().statusCode(200)
                .body("unit[0].value", equalTo(4.0f))
                .body("children.orgUnitCode", equalTo(List.of(tree.communeA(), tree.communeB())))
                .body("children[0].evaluations[0].status", equalTo("ACHIEVED"))
                .body("children[0].evaluations[0].achievementPercent", equalTo(150.0f))
                .body("children[0].evaluations[1].status", equalTo("NO_TARGET"))
                .body("children[0].evaluations[1].value", equalTo(60.0f))
                .body("children[1].evaluations[0].status", equalTo("BEHIND"));

        as("viewer").queryParam("indicator", "CONFERENCES_HELD").queryParam("level", "COMMUNE")
                .queryParam("orgUnit", tree.province()).queryParam("period", "2024Q2")
                .when().get("/api/v1/evaluations/rankings").then().statusCode(200)
                .body("rank", equalTo(List.of(1, 2)))
                .body("evaluation.orgUnitCode", equalTo(List.of(tree.communeA(), tree.communeB())));

        as("viewer").queryParam("orgUnit", tree.province()).queryParam("period", "2024Q2")
                .queryParam("indicators", "CONFERENCES_HELD")
                .when().get("/api/v1/evaluations/commendations").then().statusCode(200)
                .body("orgUnitCode", equalTo(List.of(tree.communeA())))
                .body("[0].meanAchievementPercent", equalTo(150.0f))
                .body("[0].activities", equalTo(3))
                .body("[0].activitiesByForm.CONFERENCE", equalTo(3))
                .body("[0].evaluations[0].value", equalTo(3.0f));
    }

    @Test
    void aUnitFallingBehindRaisesOneAlertUntilItRecovers() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String month = today.format(DateTimeFormatter.ofPattern("yyyyMM"));
        int target = today.lengthOfMonth() * 2;
        setTarget("ACTIVITIES_HELD", tree.communeB(), month, target);
        String subject = "ACTIVITIES_HELD/" + tree.communeB() + "/" + month;

        asNationalAdmin().when().post("/api/v1/evaluations/alerts/check").then().statusCode(200);
        TopicProbe.Received event = TopicProbe.awaitEvent("indicator-alerts", "indicator.behind-target", subject);
        assertEquals(subject, event.key());
        assertEquals("BEHIND", event.value().path("data").path("status").asText());
        assertEquals(target, event.value().path("data").path("target").asInt());
        assertEquals(0, event.value().path("data").path("value").asInt());
        as("viewer").queryParam("orgUnit", tree.communeB()).when().get("/api/v1/evaluations/alerts")
                .then().statusCode(200).body("indicatorCode", equalTo(List.of("ACTIVITIES_HELD")))
                .body("[0].period", equalTo(month));

        // Checked again while still behind: no second event.
        asNationalAdmin().when().post("/api/v1/evaluations/alerts/check").then().statusCode(200);
        assertEquals(1, eventsAbout(subject));

        conferences(tree.communeB(), tree.pathB(), today.toString(), target, 1);
        eventually(() -> assertEquals("ACHIEVED", evaluation("ACTIVITIES_HELD", tree.communeB(), month, null)
                .getString("[0].status")));
        asNationalAdmin().when().post("/api/v1/evaluations/alerts/check").then().statusCode(200);
        TopicProbe.Received resolved = TopicProbe.awaitEvent("indicator-alerts", "indicator.alert-resolved", subject);
        assertEquals("ACHIEVED", resolved.value().path("data").path("status").asText());
        as("viewer").queryParam("orgUnit", tree.communeB()).when().get("/api/v1/evaluations/alerts")
                .then().statusCode(200).body("size()", equalTo(0));
        as("viewer").queryParam("orgUnit", tree.communeB()).queryParam("active", false)
                .when().get("/api/v1/evaluations/alerts")
                .then().statusCode(200).body("resolvedAt", hasItem(notNullValue()));
        as("viewer").when().post("/api/v1/evaluations/alerts/check").then().statusCode(403);
    }

    @Test
    void checksRunningTogetherOnSeveralInstancesRaiseOneAlert() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String month = today.format(DateTimeFormatter.ofPattern("yyyyMM"));
        setTarget("ACTIVITIES_HELD", tree.communeA(), month, today.lengthOfMonth() * 2);
        String subject = "ACTIVITIES_HELD/" + tree.communeA() + "/" + month;

        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> checks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                checks.add(instances.submit(() -> asNationalAdmin().when().post("/api/v1/evaluations/alerts/check")
                        .then().statusCode(200).extract().path("raised")));
            }
            int raised = 0;
            for (Future<Integer> check : checks) {
                raised += check.get(30, TimeUnit.SECONDS);
            }
            assertTrue(raised >= 1, "the alert is raised by one of the passes");
        } finally {
            instances.shutdownNow();
        }
        TopicProbe.awaitEvent("indicator-alerts", "indicator.behind-target", subject);
        assertEquals(1, eventsAbout(subject));
    }

    @Test
    void theScheduledPassStandsAsideWhileAnotherInstanceChecks() throws Exception {
        try (Connection otherInstance = dataSource.getConnection();
                Statement statement = otherInstance.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtext('indicator-alert-watch'))");
            assertNull(alertWatch.checkUnlessRunningElsewhere());
            statement.execute("select pg_advisory_unlock(hashtext('indicator-alert-watch'))");
        }
        assertNotNull(alertWatch.checkUnlessRunningElsewhere());
    }

    private static int eventsAbout(String subject) {
        int[] count = {0};
        assertThrows(AssertionError.class, () -> TopicProbe.awaitMessage("indicator-alerts", m -> {
            if (subject.equals(m.key())) {
                count[0]++;
            }
            return false;
        }, Duration.ofSeconds(3)));
        return count[0];
    }

    @Test
    void malformedQueriesAreNamed() {
        as("viewer").queryParam("orgUnit", tree.province()).queryParam("period", "2024")
                .queryParam("asOf", "yesterday").when().get("/api/v1/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("viewer").queryParam("level", "COMMUNE").queryParam("period", "2024")
                .when().get("/api/v1/evaluations/rankings")
                .then().statusCode(400).body("errors[0].field", equalTo("indicator"));
        as("viewer").queryParam("orgUnit", tree.province()).queryParam("period", "2024")
                .queryParam("indicators", "NOPE").when().get("/api/v1/evaluations/scorecard")
                .then().statusCode(422).body("errors[0].field", equalTo("indicators"));
        as("partner").queryParam("orgUnit", tree.province()).queryParam("period", "2024")
                .when().get("/api/v1/evaluations/scorecard").then().statusCode(403);
    }
}
