package vn.commops.activity.form;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

/**
 * A form the national centre adds in plan-service reaches this service through the {@code communication-forms}
 * topic (published here as plan-service would), with no release: its activities are then checked against the
 * figures it must report, and once retired it is refused for new ones while corrections of old ones go through.
 */
@QuarkusTest
class FormReplicaTest {

    @Test
    void aFormAddedInPlanServiceIsAcceptedWithItsFiguresAndRefusedWithoutThem() {
        String commune = OrgUnitEventsFixture.knownCommune();
        String form = uniqueCode("HOME_VISIT");
        post(activity(commune, form, null)).statusCode(422)
                .body("type", equalTo("urn:commops:problem:unknown-communication-form"))
                .body("errors.field", contains("form"));

        publish("communication-form.added", form, "DIRECT", List.of("attendance"), false, 0);
        awaitKnown(commune, form);

        post(activity(commune, form, null)).statusCode(422)
                .body("type", equalTo("urn:commops:problem:invalid-activity"))
                .body("errors.field", contains("attendance"));
        post(activity(commune, form, 12)).statusCode(201).body("form", equalTo(form)).body("channel", equalTo("DIRECT"));
    }

    @Test
    void aRetiredFormIsRefusedForNewActivitiesButItsOldOnesMayBeCorrected() {
        String commune = OrgUnitEventsFixture.knownCommune();
        String form = uniqueCode("OLD_FORM");
        publish("communication-form.added", form, "DIRECT", List.of("attendance"), false, 0);
        awaitKnown(commune, form);
        String id = post(activity(commune, form, 20)).statusCode(201).extract().path("id");

        publish("communication-form.retired", form, "DIRECT", List.of("attendance"), true, 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                post(activity(commune, form, 5)).extract().statusCode() == 422);
        post(activity(commune, form, 5)).body("type", equalTo("urn:commops:problem:communication-form-retired"))
                .body("errors.field", contains("form"));
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(activity(commune, form, 25))
                .when().put("/api/v1/activities/" + id).then().statusCode(200).body("attendance", equalTo(25));
    }

    @Test
    void anOlderVersionArrivingLateDoesNotUndoALaterOne() {
        String commune = OrgUnitEventsFixture.knownCommune();
        String form = uniqueCode("LATE");
        publish("communication-form.changed", form, "DIRECT", List.of("reach"), false, 2);
        publish("communication-form.added", form, "DIRECT", List.of("attendance"), false, 0);
        String marker = uniqueCode("MARKER");
        publish("communication-form.added", marker, "DIRECT", List.of("attendance"), false, 0);
        awaitKnown(commune, marker);
        awaitKnown(commune, form);

        Map<String, Object> byReach = activity(commune, form, null);
        byReach.put("reach", 300);
        post(byReach).statusCode(201);
    }

    @Test
    void theSeededFormsAreKnownBeforeAnyEvent() {
        String commune = OrgUnitEventsFixture.knownCommune();
        for (String form : List.of("SEMINAR", "TELEVISION_BROADCAST", "TALK_SHOW")) {
            post(activity(commune, form, null)).statusCode(422)
                    .body("type", equalTo("urn:commops:problem:invalid-activity"));
        }
        post(activity(commune, "SEMINAR", 40)).statusCode(201).body("channel", equalTo("DIRECT"));
        Map<String, Object> television = activity(commune, "TELEVISION_BROADCAST", null);
        television.put("durationMinutes", 30);
        post(television).statusCode(201).body("channel", equalTo("MASS_MEDIA"));
        Map<String, Object> talkShow = activity(commune, "TALK_SHOW", null);
        talkShow.put("plays", 18600);
        post(talkShow).statusCode(201);
    }

    static String uniqueCode(String stem) {
        return stem + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)).toUpperCase();
    }

    /** Publishes a catalogue event as plan-service's outbox would: the form's whole state, keyed by its code. */
    static void publish(String type, String code, String channel, List<String> figures, boolean retired, int version) {
        ObjectNode data = Envelopes.data();
        data.put("code", code);
        data.put("channel", channel);
        data.put("nameVi", "Thăm hộ gia đình");
        data.put("nameEn", "Home visit");
        figures.forEach(data.putArray("requiredFigures")::add);
        data.put("retired", retired);
        data.put("version", version);
        TopicProbe.send("communication-forms", code,
                Envelopes.envelope(UUID.randomUUID(), type, "plan-service", code, data));
    }

    /** Until the replica has the form: an activity of it is no longer refused as unknown. */
    static void awaitKnown(String commune, String form) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String type = post(activity(commune, form, null)).extract().path("type");
            return !"urn:commops:problem:unknown-communication-form".equals(type);
        });
    }

    static Map<String, Object> activity(String commune, String form, Integer attendance) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", commune);
        body.put("form", form);
        body.put("title", "Thăm hộ gia đình, vận động tham gia BHXH tự nguyện");
        body.put("startedAt", "2024-05-15T08:00:00+07:00");
        if (attendance != null) {
            body.put("attendance", attendance);
        }
        return body;
    }

    static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/activities").then();
    }
}
