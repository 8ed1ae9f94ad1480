package vn.commops.plan.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.RetriedWhileDatabaseDown;

/**
 * The events people are told of, each topic read by a consumer group of its own (so that notifications
 * neither wait for nor hold back the service's other consumers). Each event queues one notification a
 * person, once however often it is delivered ({@link NotificationQueue}).
 */
@ApplicationScoped
public class NotificationTriggers {

    static final String ASSIGNMENT_CREATED = "assignment.created";
    static final String BEHIND_TARGET = "indicator.behind-target";
    static final String SIGNAL_RAISED = "crisis-signal.raised";
    static final String ANSWER_OVERDUE = "feedback-answer.overdue";

    private final EventReader reader;
    private final Addressees addressees;
    private final NotificationQueue queue;

    NotificationTriggers(EventReader reader, Addressees addressees, NotificationQueue queue) {
        this.reader = reader;
        this.addressees = addressees;
        this.queue = queue;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NewAssignment(UUID assignmentId, String orgUnitCode, String form, Integer quantity, LocalDate startDate,
            LocalDate dueDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BehindTarget(String indicatorCode, String orgUnitCode, String period, BigDecimal value, BigDecimal target,
            BigDecimal expectedByNow, BigDecimal achievement) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignalRaised(UUID signalId, String topicCode, String orgUnitCode, OffsetDateTime windowStart,
            OffsetDateTime windowEnd, Integer volume, BigDecimal baseline) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OverdueAnswer(UUID answerId, UUID feedbackId, String orgUnitCode, OffsetDateTime answerBy) {
    }

    /** A new assignment, for the managers of the unit it is given to. */
    @Incoming("notify-assignments")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void assignment(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!ASSIGNMENT_CREATED.equals(event.type())) {
            return;
        }
        NewAssignment a = reader.data(event, NewAssignment.class);
        requireUnit(event, a.orgUnitCode());
        queue.enqueue(event.id(), NotificationKind.ASSIGNMENT,
                addressees.ofUnit(a.orgUnitCode(), NotificationKind.ASSIGNMENT),
                a.orgUnitCode(), a.form(), a.quantity(), a.startDate(), a.dueDate(), a.assignmentId());
    }

    /** A unit behind its target, for the unit's managers. */
    @Incoming("notify-indicator-alerts")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void behindTarget(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!BEHIND_TARGET.equals(event.type())) {
            return;
        }
        BehindTarget b = reader.data(event, BehindTarget.class);
        requireUnit(event, b.orgUnitCode());
        queue.enqueue(event.id(), NotificationKind.BEHIND_TARGET,
                addressees.ofUnit(b.orgUnitCode(), NotificationKind.BEHIND_TARGET),
                b.orgUnitCode(), b.indicatorCode(), b.period(), plain(b.value()), plain(b.expectedByNow()),
                plain(b.target()), plain(b.achievement()));
    }

    /** A crisis signal, for the analysts on duty when it was raised. */
    @Incoming("notify-crisis-signals")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void signal(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!SIGNAL_RAISED.equals(event.type())) {
            return;
        }
        SignalRaised s = reader.data(event, SignalRaised.class);
        queue.enqueue(event.id(), NotificationKind.CRISIS_SIGNAL,
                addressees.onDutyAt(event.time(), NotificationKind.CRISIS_SIGNAL),
                s.topicCode(), s.orgUnitCode(), s.volume(), plain(s.baseline()), s.windowStart(), s.windowEnd(),
                s.signalId());
    }

    /** An answer to feedback past its deadline, for those who answer for the feedback's unit. */
    @Incoming("notify-feedback")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void overdueAnswer(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!ANSWER_OVERDUE.equals(event.type())) {
            return;
        }
        OverdueAnswer o = reader.data(event, OverdueAnswer.class);
        // Feedback without a unit has no unit's people to tell; the answer queue still lists it as overdue.
        List<Addressee> people = o.orgUnitCode() == null ? List.of()
                : addressees.ofUnit(o.orgUnitCode(), NotificationKind.OVERDUE_ANSWER);
        queue.enqueue(event.id(), NotificationKind.OVERDUE_ANSWER, people, o.orgUnitCode(), o.answerBy(),
                o.feedbackId());
    }

    /** An event without its unit is malformed: the dead-letter topic keeps it for operations. */
    private static void requireUnit(EventEnvelope event, String orgUnitCode) {
        if (orgUnitCode == null) {
            throw new IllegalArgumentException("Event " + event.id() + " (" + event.type() + ") names no orgUnitCode");
        }
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }
}
