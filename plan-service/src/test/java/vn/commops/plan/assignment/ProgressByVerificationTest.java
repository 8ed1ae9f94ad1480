package vn.commops.plan.assignment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/**
 * Progress counts what a reviewer has not rejected (or, asked so, only what they verified), shows each
 * verification state's figures apart, and moves figures between the states exactly once per decision.
 */
@QuarkusTest
class ProgressByVerificationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private static JsonPath progress(String id, String count) {
        var request = asNationalAdmin();
        if (count != null) {
            request.queryParam("count", count);
        }
        return request.when().get("/api/v1/assignments/" + id)
                .then().statusCode(200).extract().jsonPath().setRootPath("progress");
    }

    /** Waits until the counted quantity and the quantity of each state are these. */
    private static void awaitFigures(String id, String count, int counted, int reported, int verified, int rejected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath progress = progress(id, count);
            assertEquals(List.of(counted, reported, verified, rejected), List.of(progress.getInt("doneQuantity"),
                    progress.getInt("reported.quantity"), progress.getInt("verified.quantity"),
                    progress.getInt("rejected.quantity")), "counted, reported, verified, rejected of " + id);
        });
    }

    private static String[] provinceWithShare() {
        String[] tree = OrgUnitFixtures.tree();
        String province = AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[1], "SMALL_GROUP", 20,
                0, TODAY.toString(), TODAY.plusDays(29).toString(), Map.of()));
        String commune = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 10, 0))))
                .when().post("/api/v1/assignments/" + province + "/split")
                .then().statusCode(201).extract().path("[0].id");
        return new String[] {province, commune, tree[2]};
    }

    @Test
    void aRejectedActivityStopsCountingAndShowsAmongTheRejected() {
        String[] work = provinceWithShare();
        String province = work[0];
        String commune = work[1];
        UUID activity = UUID.randomUUID();
        TopicProbe.send("activities", activity.toString(),
                AssignmentFixtures.activity("activity.recorded", activity, 1, commune, work[2], 3, "REPORTED", null));
        awaitFigures(province, "all", 3, 3, 0, 0);

        String rejection = AssignmentFixtures.activity("activity.verified", activity, 2, commune, work[2], 3,
                "REJECTED", null);
        TopicProbe.send("activities", activity.toString(), rejection);
        awaitFigures(commune, "all", 0, 0, 0, 3);
        awaitFigures(province, "all", 0, 0, 0, 3);
        asNationalAdmin().when().get("/api/v1/assignments/" + commune).then()
                .body("progress.activities", equalTo(0))
                .body("progress.progressStatus", equalTo("NOT_STARTED"))
                .body("progress.outcomes.attendance", equalTo(0))
                .body("progress.rejected.activities", equalTo(1))
                .body("progress.rejected.outcomes.attendance", equalTo(30));

        // The decision delivered again, and the report it replaced, change nothing; a marker behind them on the
        // same key (so the same partition) shows they were consumed.
        UUID marker = UUID.randomUUID();
        TopicProbe.send("activities", activity.toString(), rejection,
                AssignmentFixtures.activity("activity.recorded", activity, 1, commune, work[2], 3, "REPORTED", null));
        TopicProbe.send("activities", activity.toString(),
                AssignmentFixtures.activity("activity.recorded", marker, 1, commune, work[2], 1, "REPORTED", null));
        awaitFigures(province, "all", 1, 1, 0, 3);

        // A correction reopens it: reported again, counted again.
        TopicProbe.send("activities", activity.toString(),
                AssignmentFixtures.activity("activity.corrected", activity, 3, commune, work[2], 4, "REPORTED", null));
        awaitFigures(province, "all", 5, 5, 0, 0);
    }

    @Test
    void verifiedOnlyCountsWhatAReviewerVerifiedAndADecisionMovesItsFiguresOnce() {
        String[] work = provinceWithShare();
        String province = work[0];
        UUID checked = UUID.randomUUID();
        UUID unchecked = UUID.randomUUID();
        UUID unclear = UUID.randomUUID();
        TopicProbe.send("activities", checked.toString(),
                AssignmentFixtures.activity("activity.recorded", checked, 1, work[1], work[2], 2, "REPORTED", 100L));
        TopicProbe.send("activities", unchecked.toString(),
                AssignmentFixtures.activity("activity.recorded", unchecked, 1, work[1], work[2], 5, "REPORTED", null));
        awaitFigures(province, "all", 7, 7, 0, 0);
        awaitFigures(province, "verified", 0, 7, 0, 0);

        String verification = AssignmentFixtures.activity("activity.verified", checked, 2, work[1], work[2], 2,
                "VERIFIED", 100L);
        TopicProbe.send("activities", checked.toString(), verification, verification);
        // Asking for information decides nothing: the activity stays among the reported.
        TopicProbe.send("activities", unclear.toString(),
                AssignmentFixtures.activity("activity.recorded", unclear, 1, work[1], work[2], 1, "REPORTED", null),
                AssignmentFixtures.activity("activity.verified", unclear, 2, work[1], work[2], 1, "NEEDS_INFORMATION",
                        null));
        awaitFigures(province, "all", 8, 6, 2, 0);
        awaitFigures(province, "verified", 2, 6, 2, 0);
        JsonPath verifiedOnly = progress(province, "verified");
        assertEquals("VERIFIED", verifiedOnly.getString("counting"));
        assertEquals(1, verifiedOnly.getInt("activities"));
        assertEquals(2, verifiedOnly.getInt("outcomes.newSocialInsurance"));
        assertEquals("ALL", progress(province, null).getString("counting"));

        asNationalAdmin().queryParam("count", "rejected").when().get("/api/v1/assignments/" + province)
                .then().statusCode(400).body("errors[0].field", equalTo("count"));
        asNationalAdmin().queryParam("count", "verified").queryParam("parentAssignmentId", province)
                .when().get("/api/v1/assignments")
                .then().statusCode(200).body("items[0].progress.doneQuantity", equalTo(2))
                .body("items[0].progress.reported.quantity", equalTo(6));
    }
}
