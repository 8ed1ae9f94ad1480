package vn.commops.crisis.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read of a person's contact: the audit trail personal data asks for. */
@Entity
@Table(name = "feedback_contact_access")
public class ContactAccess extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID feedbackId;

    @Column(nullable = false)
    public String accessedBy;

    @Column(nullable = false)
    public OffsetDateTime accessedAt;
}
