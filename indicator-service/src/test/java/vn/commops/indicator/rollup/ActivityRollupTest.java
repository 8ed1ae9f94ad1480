package vn.commops.indicator.rollup;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.TopicProbe;

@QuarkusTest
class ActivityRollupTest {

    private String province;
    private String commune;
    private String path;

    @BeforeEach
    void knownUnits() {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)).toUpperCase();
        province = "LC-" + suffix;
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

    private String recorded(UUID eventId, String startedAt, int attendance) {
        String activityId = UUID.randomUUID().toString();
        return Envelopes.envelope(eventId, "activity.recorded", "activity-service", activityId, Envelopes.data()
                .put("activityId", activityId).put("orgUnitCode", commune).put("orgUnitPath", path)
                .put("form", "SMALL_GROUP").put("startedAt", startedAt).put("attendance", attendance));
    }

    private ValidatableResponse totals(String unit, String period) {
        return asNationalAdmin().queryParam("orgUnit", unit).queryParam("period", period)
                .when().get("/api/v1/indicators/activity-totals").then().statusCode(200);
    }

    @Test
    void anActivityCountsForItsUnitAndEveryAncestor() {
        TopicProbe.send("activities", commune, recorded(UUID.randomUUID(), "2024-05-13T08:00:00+07:00", 35),
                recorded(UUID.randomUUID(), "2024-05-14T08:00:00+07:00", 20));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                totals(province, "202405").body("activities", equalTo(2)).body("attendance", equalTo(55)));
        totals(commune, "2024W20").body("activities", equalTo(2));
        totals(commune, "20240513").body("attendance", equalTo(35));
        totals(province, "202406").body("activities", equalTo(0));
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnce() {
        UUID eventId = UUID.randomUUID();
        String event = recorded(eventId, "2024-05-15T08:00:00+07:00", 40);
        String later = recorded(UUID.randomUUID(), "2024-05-15T09:00:00+07:00", 2);

        TopicProbe.send("activities", commune, event, event, later);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                totals(commune, "20240515").body("activities", equalTo(2)).body("attendance", equalTo(42)));
    }

    @Test
    void theDayIsTheAgencysDayNotUtcs() {
        // 23:30 on the 15th in UTC is already the 16th in Viet Nam.
        TopicProbe.send("activities", commune, recorded(UUID.randomUUID(), "2024-05-15T23:30:00Z", 7));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                totals(commune, "20240516").body("attendance", equalTo(7)));
    }

    @Test
    void aMalformedPeriodIsNamed() {
        asNationalAdmin().queryParam("orgUnit", commune).queryParam("period", "May 2024")
                .when().get("/api/v1/indicators/activity-totals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"));
    }

    @Test
    void missingParametersAreNamed() {
        asNationalAdmin().when().get("/api/v1/indicators/activity-totals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("orgUnit", "period"));
    }

    @Test
    void anUnknownUnitIsNotFound() {
        asNationalAdmin().queryParam("orgUnit", "NOWHERE").queryParam("period", "2024")
                .when().get("/api/v1/indicators/activity-totals")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
