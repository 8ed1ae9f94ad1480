package vn.commops.crisis.answer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The agency's reply to one feedback item: owed by a deadline, then given. */
@Entity
@Table(name = "feedback_answer")
public class Answer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID feedbackId;

    @Column(nullable = false)
    public OffsetDateTime answerBy;

    public String text;

    public OffsetDateTime answeredAt;

    public String answeredBy;

    @Column(nullable = false, updatable = false)
    public String createdBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    AnswerStatus status(OffsetDateTime now) {
        if (answeredAt != null) {
            return AnswerStatus.ANSWERED;
        }
        return now.isAfter(answerBy) ? AnswerStatus.OVERDUE : AnswerStatus.PENDING;
    }
}
