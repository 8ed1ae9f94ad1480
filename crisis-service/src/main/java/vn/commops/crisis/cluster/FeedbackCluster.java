package vn.commops.crisis.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Feedback items that say nearly the same thing: how a rumour spreads, counted once. Written by {@link Clustering}. */
@Entity
@Table(name = "feedback_cluster")
public class FeedbackCluster extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String representative;

    @Column(nullable = false)
    public String sampleText;

    public String topicCode;

    @Column(nullable = false)
    public int itemCount;

    @Column(nullable = false)
    public OffsetDateTime firstSeen;

    @Column(nullable = false)
    public OffsetDateTime lastSeen;

    @Column(nullable = false)
    public OffsetDateTime createdAt;
}
