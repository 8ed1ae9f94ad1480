package vn.commops.indicator.rollup;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.RecordBatchFake;
import vn.commops.common.testing.TopicProbe;

/**
 * Activity events are rolled up a poll's worth at a time: a poison event in the middle of a batch is nacked
 * (dead-lettered) alone while the others count, and a batch delivered again counts nothing twice. The batches
 * are handed to the consumer directly, so that their make-up is certain.
 */
@QuarkusTest
class ActivityRollupBatchTest {

    @Inject
    ActivityRollup rollup;

    private String commune;
    private String path;

    @BeforeEach
    void knownUnits() {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)).toUpperCase();
        String province = "LC-" + suffix;
        commune = "LC-HP-" + suffix;
        path = "/VN/" + province + "/" + commune + "/";
        TopicProbe.send("org-units", province, orgUnit(province, "/VN/" + province + "/"));
        TopicProbe.send("org-units", commune, orgUnit(commune, path));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                asNationalAdmin().queryParam("orgUnit", commune).queryParam("period", "2024")
                        .get("/api/v1/indicators/activity-totals").statusCode() == 200);
    }

    private static String orgUnit(String code, String path) {
        return Envelopes.envelope(UUID.randomUUID(), "org-unit.created", "plan-service", code,
                Envelopes.data().put("code", code).put("name", "Đơn vị " + code).put("levelCode", "PROVINCE")
                        .put("path", path));
    }

    private String recorded(String startedAt, int attendance) {
        String activityId = UUID.randomUUID().toString();
        var data = Envelopes.data().put("activityId", activityId).put("orgUnitCode", commune).put("orgUnitPath", path)
                .put("form", "SMALL_GROUP").put("attendance", attendance);
        if (startedAt != null) {
            data.put("startedAt", startedAt);
        }
        return Envelopes.envelope(UUID.randomUUID(), "activity.recorded", "activity-service", activityId, data);
    }

    private ValidatableResponse totals(String period) {
        return asNationalAdmin().queryParam("orgUnit", commune).queryParam("period", period)
                .when().get("/api/v1/indicators/activity-totals").then().statusCode(200);
    }

    @Test
    void aPoisonEventInTheMiddleOfABatchIsNackedAloneAndTheOthersCount() throws Exception {
        RecordBatchFake batch = new RecordBatchFake(commune, recorded("2024-07-01T08:00:00+07:00", 10),
                recorded("2024-07-01T09:00:00+07:00", 20), recorded(null, 500), "not json at all",
                recorded("2024-07-01T10:00:00+07:00", 30));

        rollup.apply(batch).toCompletableFuture().get(20, TimeUnit.SECONDS);

        totals("20240701").body("activities", equalTo(3)).body("attendance", equalTo(60));
        for (int i : new int[] {0, 1, 4}) {
            assertEquals(List.of(1, 0), List.of(batch.record(i).acks, batch.record(i).nacks), "record " + i);
        }
        for (int i : new int[] {2, 3}) {
            assertEquals(List.of(0, 1), List.of(batch.record(i).acks, batch.record(i).nacks), "poison record " + i);
        }
    }

    @Test
    void aBatchAppliedAgainCountsEachEventOnce() throws Exception {
        String first = recorded("2024-07-02T08:00:00+07:00", 40);
        String second = recorded("2024-07-02T09:00:00+07:00", 2);

        rollup.apply(new RecordBatchFake(commune, first, second, first)).toCompletableFuture().get(20, TimeUnit.SECONDS);
        rollup.apply(new RecordBatchFake(commune, second, first)).toCompletableFuture().get(20, TimeUnit.SECONDS);

        totals("20240702").body("activities", equalTo(2)).body("attendance", equalTo(42));
    }
}
