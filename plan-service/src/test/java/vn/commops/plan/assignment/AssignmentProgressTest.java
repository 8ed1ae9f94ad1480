package vn.commops.plan.assignment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** Progress moves with the activity events activity-service publishes, each applied once, newest revision wins. */
@QuarkusTest
class AssignmentProgressTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private static Map<String, Object> progressOf(String id) {
        return asNationalAdmin().when().get("/api/v1/assignments/" + id).then().statusCode(200)
                .extract().path("progress");
    }

    private static void awaitProgress(String id, int done, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Object> progress = progressOf(id);
            assertEquals(done, ((Number) progress.get("doneQuantity")).intValue(), "doneQuantity of " + id);
            assertEquals(status, progress.get("progressStatus"), "progressStatus of " + id);
        });
    }

    @Test
    void activitiesAgainstAShareMoveItAndItsParentWithinSeconds() {
        String[] tree = OrgUnitFixtures.tree();
        String province = AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[1], "SMALL_GROUP", 10,
                10_000_000, TODAY.toString(), TODAY.plusDays(29).toString(), Map.of("newHealthInsurance", 40L)));
        String commune = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 10, 10_000_000))))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(201).extract().path("[0].id");
        awaitProgress(province, 0, "NOT_STARTED");

        UUID activity = UUID.randomUUID();
        String recorded = AssignmentFixtures.activity("activity.recorded", activity, 1, commune, tree[2], 3, 12, false);
        TopicProbe.send("activities", activity.toString(), recorded);
        awaitProgress(commune, 3, "ON_TRACK");
        awaitProgress(province, 3, "ON_TRACK");
        asNationalAdmin().when().get("/api/v1/assignments/" + province)
                .then().body("progress.outcomes.newHealthInsurance", equalTo(12))
                .body("progress.outcomes.attendance", equalTo(35));

        // Redelivery of the same event, and an older revision after a newer one, change nothing.
        TopicProbe.send("activities", activity.toString(), recorded,
                AssignmentFixtures.activity("activity.corrected", activity, 2, commune, tree[2], 5, 12, false),
                AssignmentFixtures.activity("activity.recorded", activity, 1, commune, tree[2], 3, 12, false));
        awaitProgress(province, 5, "ON_TRACK");
        UUID other = UUID.randomUUID();
        TopicProbe.send("activities", other.toString(),
                AssignmentFixtures.activity("activity.recorded", other, 1, province, tree[1], 5, 40, false));
        awaitProgress(province, 10, "DONE");
        awaitProgress(commune, 5, "ON_TRACK");

        TopicProbe.send("activities", activity.toString(),
                AssignmentFixtures.activity("activity.withdrawn", activity, 3, commune, tree[2], 5, 12, true));
        awaitProgress(commune, 0, "NOT_STARTED");
        awaitProgress(province, 5, "ON_TRACK");
        TopicProbe.awaitMessage(AssignmentEvents.TOPIC, m -> AssignmentEvents.PROGRESSED.equals(m.value().path("type").asText())
                && commune.equals(m.key()) && m.value().path("data").path("doneQuantity").asInt() == 5,
                Duration.ofSeconds(15));
    }

    @Test
    void anAssignmentFallingBehindTheElapsedTimeIsBehind() {
        String[] tree = OrgUnitFixtures.tree();
        String id = AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[2], "CONFERENCE", 10, 0,
                TODAY.minusDays(20).toString(), TODAY.plusDays(9).toString(), Map.of()));
        UUID activity = UUID.randomUUID();
        TopicProbe.send("activities", activity.toString(),
                AssignmentFixtures.activity("activity.recorded", activity, 1, id, tree[2], 1, 0, false));
        awaitProgress(id, 1, "BEHIND");

        String overdue = AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[2], "CONFERENCE", 10, 0,
                TODAY.minusDays(20).toString(), TODAY.minusDays(1).toString(), Map.of()));
        awaitProgress(overdue, 0, "BEHIND");
    }

    @Test
    void activitiesOfOtherAssignmentsOrNoneAreIgnored() {
        String[] tree = OrgUnitFixtures.tree();
        String id = AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[2], "CONFERENCE", 10, 0,
                TODAY.toString(), TODAY.plusDays(9).toString(), Map.of()));
        UUID stranger = UUID.randomUUID();
        TopicProbe.send("activities", stranger.toString(),
                AssignmentFixtures.activity("activity.recorded", stranger, 1, UUID.randomUUID().toString(), tree[2], 4, 0,
                        false),
                "not json at all");
        UUID mine = UUID.randomUUID();
        TopicProbe.send("activities", mine.toString(),
                AssignmentFixtures.activity("activity.recorded", mine, 1, id, tree[2], 2, 0, false));
        awaitProgress(id, 2, "ON_TRACK");
        TopicProbe.awaitMessage("dead-letter.plan-service", m -> "not json at all".equals(m.value().asText()),
                Duration.ofSeconds(20));
    }

    @Test
    void aCorrectionToAnotherShareMovesItsFiguresFromOneLineageToTheOther() {
        String[] tree = OrgUnitFixtures.tree();
        String otherCommune = OrgUnitFixtures.uniqueCode("LC-BT");
        OrgUnitFixtures.create(otherCommune, "Xã Bản Tủ", "COMMUNE", tree[1]);
        String province = AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[1], "SMALL_GROUP", 20,
                0, TODAY.toString(), TODAY.plusDays(29).toString(), Map.of()));
        List<String> shares = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 10, 0),
                        AssignmentFixtures.share(otherCommune, 10, 0))))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(201).extract().path("id");
        UUID activity = UUID.randomUUID();
        TopicProbe.send("activities", activity.toString(),
                AssignmentFixtures.activity("activity.recorded", activity, 1, shares.get(0), tree[2], 4, 3, false));
        awaitProgress(shares.get(0), 4, "ON_TRACK");
        awaitProgress(province, 4, "ON_TRACK");

        TopicProbe.send("activities", activity.toString(),
                AssignmentFixtures.activity("activity.corrected", activity, 2, shares.get(1), otherCommune, 6, 3, false));
        awaitProgress(shares.get(1), 6, "ON_TRACK");
        awaitProgress(shares.get(0), 0, "NOT_STARTED");
        awaitProgress(province, 6, "ON_TRACK");
        asNationalAdmin().when().get("/api/v1/assignments/" + province).then()
                .body("progress.activities", equalTo(1))
                .body("progress.outcomes.newHealthInsurance", equalTo(3));
    }
}
