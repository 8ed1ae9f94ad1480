package vn.commops.plan.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.plan.notification.NotificationFixtures.mailTo;
import static vn.commops.plan.notification.NotificationFixtures.register;
import static vn.commops.plan.notification.NotificationFixtures.subject;
import static vn.commops.plan.notification.NotificationFixtures.text;
import static vn.commops.plan.notification.NotificationFixtures.uniqueUser;
import static vn.commops.plan.notification.NotificationFixtures.window;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.TestTokens;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.assignment.AssignmentFixtures;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** Events become email at a real SMTP server, once a person and event, as each person chose. */
@QuarkusTest
class NotificationFlowTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    @Test
    void aNewAssignmentReachesTheManagersOfItsUnitInTheirLanguage() {
        String[] tree = OrgUnitFixtures.tree();
        String manager = uniqueUser("lc-manager");
        String englishManager = uniqueUser("lc-deputy");
        String otherUnit = uniqueUser("hn-manager");
        register(manager, "vi", tree[1], List.of("ASSIGNMENT"), List.of());
        register(englishManager, "en", tree[1], List.of("ASSIGNMENT"), List.of());
        register(otherUnit, "vi", tree[2], List.of("ASSIGNMENT"), List.of());

        LocalDate today = LocalDate.now();
        String assignment = AssignmentFixtures.create(AssignmentFixtures.assignment(null, tree[1], "SMALL_GROUP", 12,
                5_000_000, today.toString(), today.plusDays(20).toString(), Map.of()));

        await().atMost(MAIL_WAIT).until(() -> mailTo(manager).size() == 1 && mailTo(englishManager).size() == 1);
        assertEquals("Nhiệm vụ mới cho đơn vị " + tree[1], subject(mailTo(manager).get(0)));
        assertTrue(text(mailTo(manager).get(0)).contains(assignment), "the assignment is named");
        assertEquals("New assignment for " + tree[1], subject(mailTo(englishManager).get(0)));
        assertEquals(0, mailTo(otherUnit).size(), "the commune's manager is not told of the province's assignment");
    }

    @Test
    void aRedeliveredAlertSendsNothingTwiceAndAMutedKindNothingAtAll() {
        String[] tree = OrgUnitFixtures.tree();
        String manager = uniqueUser("tq-manager");
        String muted = uniqueUser("tq-deputy");
        register(manager, "vi", tree[1], List.of("BEHIND_TARGET"), List.of());
        register(muted, "vi", tree[1], List.of("BEHIND_TARGET"), List.of());
        RestAssured.given().auth().oauth2(TestTokens.token(muted, List.of("unit-manager"), List.of(tree[1])))
                .contentType(ContentType.JSON).body(Map.of("emailEnabled", true, "mutedKinds", List.of("BEHIND_TARGET")))
                .when().put("/api/v1/notification-preferences/me")
                .then().statusCode(200).body("receives.size()", equalTo(0));

        ObjectNode alert = Envelopes.data().put("indicatorCode", "NEW_HI_PARTICIPANTS").put("orgUnitCode", tree[1])
                .put("period", "202405").put("value", 310).put("target", 2000).put("expectedByNow", 1032.26)
                .put("achievement", 15.5).put("status", "BEHIND");
        String subject = "NEW_HI_PARTICIPANTS/" + tree[1] + "/202405";
        String event = Envelopes.envelope(UUID.randomUUID(), NotificationTriggers.BEHIND_TARGET, "indicator-service",
                subject, alert);
        TopicProbe.send("indicator-alerts", subject, event, event);

        await().atMost(MAIL_WAIT).until(() -> mailTo(manager).size() == 1);
        assertTrue(text(mailTo(manager).get(0)).contains("1032.26"), "what was expected by now is named");
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10))
                .until(() -> mailTo(manager).size() == 1 && mailTo(muted).isEmpty());
    }

    @Test
    void aCrisisSignalReachesOnlyTheAnalystsOnDuty() {
        String[] tree = OrgUnitFixtures.tree();
        OffsetDateTime now = OffsetDateTime.now();
        String onDuty = uniqueUser("analyst-on");
        String offDuty = uniqueUser("analyst-off");
        register(onDuty, "en", tree[0], List.of("CRISIS_SIGNAL"), List.of(window(now.minusHours(1), now.plusHours(7))));
        register(offDuty, "vi", tree[0], List.of("CRISIS_SIGNAL"), List.of(window(now.plusHours(8), now.plusHours(16))));

        ObjectNode signal = Envelopes.data().put("signalId", UUID.randomUUID().toString())
                .put("topicCode", "FALSE_INFORMATION").put("orgUnitCode", tree[2]).put("volume", 30)
                .put("baseline", 0.0).put("windowStart", now.minusHours(1).toString()).put("windowEnd", now.toString());
        String key = "FALSE_INFORMATION/" + tree[2];
        TopicProbe.send("crisis-signals", key, Envelopes.envelope(UUID.randomUUID(), NotificationTriggers.SIGNAL_RAISED,
                "crisis-service", key, signal));

        await().atMost(MAIL_WAIT).until(() -> mailTo(onDuty).size() == 1);
        assertEquals("Early warning: unusual feedback on FALSE_INFORMATION in " + tree[2], subject(mailTo(onDuty).get(0)));
        assertEquals(0, mailTo(offDuty).size());
    }

    @Test
    void anOverdueAnswerReachesThoseWhoAnswerForTheFeedbacksUnit() {
        String[] tree = OrgUnitFixtures.tree();
        String officer = uniqueUser("hp-officer");
        register(officer, "vi", tree[2], List.of("OVERDUE_ANSWER"), List.of());
        UUID feedback = UUID.randomUUID();
        ObjectNode overdue = Envelopes.data().put("answerId", UUID.randomUUID().toString())
                .put("feedbackId", feedback.toString()).put("orgUnitCode", tree[2])
                .put("answerBy", OffsetDateTime.now().minusHours(2).toString());
        TopicProbe.send("feedback", feedback.toString(), Envelopes.envelope(UUID.randomUUID(),
                NotificationTriggers.ANSWER_OVERDUE, "crisis-service", feedback.toString(), overdue));

        await().atMost(MAIL_WAIT).until(() -> mailTo(officer).size() == 1);
        assertEquals("Quá hạn trả lời phản ánh tại đơn vị " + tree[2], subject(mailTo(officer).get(0)));
    }
}
