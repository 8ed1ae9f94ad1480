package vn.commops.crisis.signal;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;
import vn.commops.crisis.Feedbacks;

@QuarkusTest
class EarlyWarningTest {

    private static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int WEEKS = 4;
    private static final List<String> CARD_QUESTIONS = List.of(
            "Tôi bị mất thẻ BHYT, làm sao để cấp lại?",
            "Xin hỏi thủ tục cấp lại thẻ BHYT bị mất",
            "mat the bhyt thi lam the nao",
            "Thẻ bảo hiểm y tế của con tôi bị rách, cấp lại ở đâu?");

    /** Office hours on weekdays are busy, nights quiet, weekends in between, as hotlines see it. */
    private static int usualPerHour(OffsetDateTime hourEnd) {
        var local = hourEnd.atZoneSameInstant(VIET_NAM);
        boolean weekend = local.getDayOfWeek().getValue() >= 6;
        if (weekend) {
            return 3;
        }
        return local.getHour() >= 8 && local.getHour() < 17 ? 8 : 1;
    }

    /** Hourly background over several weeks, ending now, every item backdated into its hour. */
    private static List<Map<String, Object>> steadyBackground(String unit, OffsetDateTime now) {
        List<Map<String, Object>> items = new ArrayList<>();
        // Oldest first, as history arrives: the detector scans while these are stored, and newest-first
        // let it see the current hour's business-hours volume against weeks not yet stored (a false signal
        // from 8:00 to 17:00 Việt Nam time).
        for (int hoursAgo = WEEKS * 168 + 2; hoursAgo >= 0; hoursAgo--) {
            OffsetDateTime hourEnd = now.minusHours(hoursAgo);
            int count = usualPerHour(hourEnd) + (hoursAgo % 3 == 0 ? 1 : 0);
            for (int n = 0; n < count; n++) {
                OffsetDateTime at = hourEnd.minusSeconds((n + 1) * 3600L / (count + 1));
                items.add(Feedbacks.at(Feedbacks.item("HOTLINE", CARD_QUESTIONS.get(n % CARD_QUESTIONS.size()), unit), at));
            }
        }
        return items;
    }

    private static String[] background;
    private static OffsetDateTime backgroundEnd;

    /** One province with weeks of seasonal background, generated once for the tests of this class. */
    private static synchronized String[] background() {
        if (background == null) {
            String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
            backgroundEnd = OffsetDateTime.now(ZoneOffset.UTC);
            Feedbacks.submitAll(steadyBackground(units[1], backgroundEnd));
            background = units;
        }
        return background;
    }

    @Test
    void aRumourBurstInOneProvinceIsSignalledWithinAMinuteWhileSeasonalBackgroundIsNot() {
        String[] background = background();
        String[] rumour = OrgUnitEventsFixture.knownProvinceAndCommune();

        long burstStarted = System.nanoTime();
        List<Map<String, Object>> burst = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            burst.add(Feedbacks.item("SOCIAL_MEDIA", "Nghe nói từ tháng sau sẽ bỏ rút BHXH một lần, mọi người rút ngay "
                    + "đi kẻo mất (chia sẻ lần " + n + ")", rumour[1]));
        }
        Feedbacks.submitAll(burst);

        JsonPath signals = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> as("crisis-analyst").queryParam("orgUnit", rumour[0]).when().get("/api/v1/signals")
                        .then().statusCode(200).extract().jsonPath(), page -> page.getInt("totalItems") > 0);
        assertTrue(System.nanoTime() - burstStarted < Duration.ofSeconds(60).toNanos());
        assertEquals(1, signals.getInt("totalItems"), "one burst, one signal: " + signals.prettify());
        assertEquals("FALSE_INFORMATION", signals.getString("items[0].topicCode"));
        assertEquals(rumour[1], signals.getString("items[0].orgUnitCode"));
        assertEquals(30, signals.getInt("items[0].volume"));
        assertEquals(0.0, signals.getDouble("items[0].baseline"));
        String explanation = signals.getString("items[0].explanation");
        assertTrue(explanation.startsWith("30 feedback items on Thông tin sai sự thật (FALSE_INFORMATION) in Xã "
                + rumour[1]), explanation);
        assertTrue(explanation.contains("previous 4 weeks"), explanation);

        String signalId = signals.getString("items[0].id");
        TopicProbe.Received event = TopicProbe.awaitEvent(SignalEvents.TOPIC, SignalEvents.RAISED,
                "FALSE_INFORMATION/" + rumour[1]);
        assertEquals(signalId, event.value().path("data").path("signalId").asText());
        assertEquals(30, event.value().path("data").path("volume").asInt());
        assertEquals(explanation, event.value().path("data").path("explanation").asText());

        // Several more scans over the same data: the background stays quiet and the burst is not signalled again.
        await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
        as("crisis-analyst").queryParam("orgUnit", background[0]).when().get("/api/v1/signals").then()
                .statusCode(200).body("totalItems", equalTo(0));
        as("crisis-analyst").queryParam("orgUnit", rumour[0]).when().get("/api/v1/signals").then()
                .body("totalItems", equalTo(1));
        as("viewer").when().get("/api/v1/signals/" + signalId).then().statusCode(200)
                .body("explanation", equalTo(explanation));
    }

    @Test
    void theForecastFollowsTheWeeklyPattern() {
        String[] background = background();
        OffsetDateTime now = backgroundEnd;

        JsonPath forecast = as("viewer").queryParam("topic", "HEALTH_INSURANCE_CARDS").queryParam("orgUnit", background[0])
                .queryParam("windows", 48).when().get("/api/v1/signals/forecast").then().statusCode(200)
                .body("points", hasSize(48)).extract().jsonPath();
        int checked = 0;
        for (int ahead = 1; ahead <= 48; ahead++) {
            OffsetDateTime end = now.plusHours(ahead);
            int usual = usualPerHour(end);
            boolean steady = true;
            for (int around = -3; around <= 3; around++) {
                steady &= usualPerHour(end.plusHours(around)) == usual;
            }
            if (steady) {
                double expected = forecast.getDouble("points[" + (ahead - 1) + "].expected");
                assertTrue(Math.abs(expected - usual) <= 1.5, "window " + ahead + " ahead: expected " + expected
                        + ", usual " + usual);
                checked++;
            }
        }
        // Each change of pattern (8:00, 17:00, a weekend's start or end) hides the 6 windows within 3 hours
        // of it; 48 hours hold at most 5 changes, so at least 18 windows are checked whenever the test runs.
        assertTrue(checked >= 18, "too few windows away from a change of pattern: " + checked);
        as("viewer").queryParam("topic", "HEALTH_INSURANCE_CARDS").queryParam("orgUnit", "NOWHERE")
                .when().get("/api/v1/signals/forecast").then().statusCode(422)
                .body("errors[0].field", equalTo("orgUnit"));
        as("viewer").queryParam("orgUnit", background[0]).when().get("/api/v1/signals/forecast").then()
                .statusCode(400);
    }
}
