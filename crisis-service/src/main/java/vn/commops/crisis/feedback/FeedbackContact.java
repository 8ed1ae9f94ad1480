package vn.commops.crisis.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Personal data: never in a list, an event or a log line. */
@Entity
@Table(name = "feedback_contact")
public class FeedbackContact extends PanacheEntityBase {

    @Id
    public UUID feedbackId;

    @Column(nullable = false)
    public String contact;

    @Override
    public String toString() {
        return "FeedbackContact[" + feedbackId + ", contact hidden]";
    }
}
