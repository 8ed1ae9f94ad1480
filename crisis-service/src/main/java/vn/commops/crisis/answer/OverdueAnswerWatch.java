package vn.commops.crisis.answer;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.commops.common.event.EventPublisher;
import vn.commops.common.problem.DatabaseFailures;
import vn.commops.crisis.feedback.FeedbackEvents;

/**
 * Announces each answer whose deadline passed unanswered, once: {@code feedback-answer.overdue} on the
 * feedback topic, keyed by the feedback id. Overdue is otherwise a matter of reading the clock
 * ({@link Answer#status}); the event is what lets another service act on it. Rows are claimed with
 * SKIP LOCKED, so instances never announce the same answer twice.
 */
@ApplicationScoped
public class OverdueAnswerWatch {

    public static final String OVERDUE = "feedback-answer.overdue";
    private static final Logger LOG = Logger.getLogger(OverdueAnswerWatch.class);
    private static final int BATCH = 500;

    private final EventPublisher publisher;

    OverdueAnswerWatch(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** No personal data: the feedback's id and unit and the deadline missed. */
    public record Overdue(UUID answerId, UUID feedbackId, String orgUnitCode, OffsetDateTime answerBy) {
    }

    @Scheduled(every = "${commops.crisis.answers.overdue-check-interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            announceDue();
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isPassingOutage(e)) {
                throw e;
            }
            LOG.warnf("Overdue answers not checked, database unavailable: %s", DatabaseFailures.rootMessage(e));
        }
    }

    /** Announces the answers overdue now and not announced before; returns how many. */
    @Transactional
    public int announceDue() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = Panache.getEntityManager().createNativeQuery("select a.id, a.feedback_id,"
                + " f.org_unit_code, a.answer_by from feedback_answer a join feedback f on f.id = a.feedback_id"
                + " where a.answered_at is null and a.overdue_announced_at is null and a.answer_by < now()"
                + " order by a.answer_by limit " + BATCH + " for update of a skip locked")
                .getResultList();
        for (Object[] row : due) {
            Overdue overdue = new Overdue((UUID) row[0], (UUID) row[1], (String) row[2], toOffset(row[3]));
            publisher.publish(FeedbackEvents.TOPIC, OVERDUE, overdue.feedbackId().toString(), overdue);
            Panache.getEntityManager().createNativeQuery(
                    "update feedback_answer set overdue_announced_at = now() where id = :id")
                    .setParameter("id", overdue.answerId())
                    .executeUpdate();
        }
        return due.size();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
