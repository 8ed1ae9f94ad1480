package vn.commops.plan.notification;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends the queued notifications by email. A pass locks the due rows it takes (others skip them, so
 * instances share the work), and an SMTP failure leaves the row PENDING for a later attempt, waiting
 * longer after each failure: an SMTP outage delays mail and loses none. Addresses are read here and
 * nowhere else, and never logged.
 */
@ApplicationScoped
class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    private final Mailer mailer;
    private final NotificationConfig config;

    NotificationSender(Mailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    @Scheduled(every = "${commops.notifications.send-interval:5s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warnf("Notification pass failed, retried at the next one: %s", e.getClass().getSimpleName());
        }
    }

    /** Sends what is due now; returns how many were sent. */
    @Transactional
    int sendDue() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = Panache.getEntityManager().createNativeQuery("select n.id, n.username, n.kind,"
                + " n.subject, n.body_text, n.body_html, n.attempts, e.email, coalesce(p.email_enabled, true)"
                + " from notification n"
                + " left join notification_recipient_email e on e.username = n.username"
                + " left join notification_preference p on p.username = n.username"
                + " where n.status = 'PENDING' and n.next_attempt_at <= now()"
                + " order by n.next_attempt_at limit :batch for update of n skip locked")
                .setParameter("batch", config.batchSize())
                .getResultList();
        int sent = 0;
        for (Object[] row : due) {
            sent += sendOne(row) ? 1 : 0;
        }
        return sent;
    }

    private boolean sendOne(Object[] row) {
        UUID id = (UUID) row[0];
        String email = (String) row[7];
        if (email == null || !Boolean.TRUE.equals(row[8])) {
            // The person left the directory or turned email off after the event: nothing to send to.
            settle(id, "DROPPED");
            return false;
        }
        try {
            mailer.send(Mail.withText(email, (String) row[3], (String) row[4]).setHtml((String) row[5]));
            settle(id, "SENT");
            return true;
        } catch (RuntimeException e) {
            retryLater(id, ((Number) row[6]).intValue() + 1, e);
            return false;
        }
    }

    private void settle(UUID id, String status) {
        Panache.getEntityManager().createNativeQuery("update notification set status = :status,"
                + ("SENT".equals(status) ? " sent_at = now()," : "") + " attempts = attempts + 1 where id = :id")
                .setParameter("status", status)
                .setParameter("id", id)
                .executeUpdate();
    }

    private void retryLater(UUID id, int attempts, RuntimeException failure) {
        // The class names the failure (connection refused, rejected) without echoing the address.
        String error = failure.getClass().getSimpleName();
        boolean givenUp = attempts >= config.maxAttempts();
        Duration wait = backoff(attempts);
        LOG.warnf("Notification %s not sent (attempt %d%s): %s", id, attempts, givenUp ? ", given up" : "", error);
        Panache.getEntityManager().createNativeQuery("update notification set attempts = :attempts,"
                + " status = :status, last_error = :error, next_attempt_at = :next where id = :id")
                .setParameter("attempts", attempts)
                .setParameter("status", givenUp ? "FAILED" : "PENDING")
                .setParameter("error", error)
                .setParameter("next", OffsetDateTime.now().plus(wait))
                .setParameter("id", id)
                .executeUpdate();
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration wait = config.retryBase().multipliedBy(factor);
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }
}
