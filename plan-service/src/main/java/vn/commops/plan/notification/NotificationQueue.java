package vn.commops.plan.notification;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Notifications waiting to be sent, one row per (event, person), written in the consumer's transaction:
 * a redelivered event meets its rows and adds none, so nobody is told twice of one event.
 */
@ApplicationScoped
class NotificationQueue {

    /** Queues the event's notification for each addressee not queued before; returns how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    int enqueue(UUID eventId, NotificationKind kind, List<Addressee> addressees, Object... facts) {
        int queued = 0;
        OffsetDateTime now = OffsetDateTime.now();
        for (Addressee addressee : addressees) {
            NotificationTexts.Message message = NotificationTexts.render(kind, addressee.language(), facts);
            queued += Panache.getEntityManager().createNativeQuery("insert into notification (id, event_id, username,"
                    + " kind, language, subject, body_text, body_html, status, next_attempt_at, created_at)"
                    + " values (:id, :event, :username, :kind, :language, :subject, :text, :html, 'PENDING', :now, :now)"
                    + " on conflict (event_id, username) do nothing")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("event", eventId)
                    .setParameter("username", addressee.username())
                    .setParameter("kind", kind.name())
                    .setParameter("language", addressee.language())
                    .setParameter("subject", message.subject())
                    .setParameter("text", message.text())
                    .setParameter("html", message.html())
                    .setParameter("now", now)
                    .executeUpdate();
        }
        return queued;
    }
}
