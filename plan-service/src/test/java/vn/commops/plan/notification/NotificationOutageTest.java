package vn.commops.plan.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.plan.notification.NotificationFixtures.mailTo;
import static vn.commops.plan.notification.NotificationFixtures.register;
import static vn.commops.plan.notification.NotificationFixtures.uniqueUser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.RealSmtpServer;
import vn.commops.common.testing.TopicProbe;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** An SMTP server that is down delays a notification; it is sent, once, when the server is back. */
@QuarkusTest
class NotificationOutageTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aNotificationFailedForAnSmtpOutageIsSentWhenTheServerIsBack() {
        String[] tree = OrgUnitFixtures.tree();
        String officer = uniqueUser("outage-officer");
        register(officer, "vi", tree[2], List.of("OVERDUE_ANSWER"), List.of());
        UUID event = UUID.randomUUID();
        UUID feedback = UUID.randomUUID();
        ObjectNode overdue = Envelopes.data().put("answerId", UUID.randomUUID().toString())
                .put("feedbackId", feedback.toString()).put("orgUnitCode", tree[2])
                .put("answerBy", OffsetDateTime.now().minusHours(2).toString());

        RealSmtpServer.shared().stop();
        try {
            TopicProbe.send("feedback", feedback.toString(), Envelopes.envelope(event,
                    NotificationTriggers.ANSWER_OVERDUE, "crisis-service", feedback.toString(), overdue));
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(event) >= 2);
            assertEquals("PENDING", status(event), "a failed attempt leaves the notification to a later one");
        } finally {
            RealSmtpServer.shared().start();
        }

        await().atMost(Duration.ofSeconds(40)).until(() -> mailTo(officer).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(status(event)));
    }

    private int attempts(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select coalesce(max(attempts), 0) from notification where event_id = :event")
                .setParameter("event", event).getSingleResult()).intValue());
    }

    private String status(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select status from notification where event_id = :event")
                .setParameter("event", event).getSingleResult());
    }
}
