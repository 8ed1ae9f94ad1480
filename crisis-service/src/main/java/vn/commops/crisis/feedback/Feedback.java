package vn.commops.crisis.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import vn.commops.crisis.classification.Classification;

/** What a person said to or about the agency, on any channel. The person's contact is kept in {@link FeedbackContact}. */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackChannel channel;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public String searchText;

    @Column(nullable = false)
    public String language;

    public String orgUnitCode;

    public String sourceId;

    public String sourceLink;

    public String orgUnitPath;

    public String authorHandle;

    public long reach;

    public long engagement;

    /** For a comment: the source id of the post it answers. */
    public String inReplyTo;

    public String submittedBy;

    @Embedded
    public Classification classification;

    /** The near-duplicates it belongs with. */
    public UUID clusterId;

    @Column(nullable = false)
    public OffsetDateTime receivedAt;

    @Column(updatable = false)
    public String idempotencyKey;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Stamped by the database on every write (V10): where the row stands in the change feed. */
    @Column(insertable = false, updatable = false)
    public long writeXid;

    @Column(insertable = false, updatable = false)
    public long changeSeq;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime changedAt;

    @Version
    public int version;

    static Optional<Feedback> findEarlier(String idempotencyKey, FeedbackChannel channel, String sourceId) {
        if (idempotencyKey != null) {
            Optional<Feedback> byKey = find("idempotencyKey", idempotencyKey).firstResultOptional();
            if (byKey.isPresent()) {
                return byKey;
            }
        }
        if (sourceId != null) {
            return find("channel = ?1 and sourceId = ?2", channel, sourceId).firstResultOptional();
        }
        return Optional.empty();
    }
}
