package vn.commops.crisis.signal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An unusual rise of feedback on a topic in a unit's subtree: an early warning before it becomes a crisis. */
@Entity
@Table(name = "crisis_signal")
public class CrisisSignal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String topicCode;

    @Column(nullable = false)
    public String orgUnitCode;

    @Column(nullable = false)
    public String orgUnitPath;

    @Column(nullable = false)
    public OffsetDateTime windowStart;

    @Column(nullable = false)
    public OffsetDateTime windowEnd;

    @Column(nullable = false)
    public int volume;

    @Column(nullable = false)
    public double baseline;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public String explanation;

    @Column(nullable = false)
    public OffsetDateTime raisedAt;

    /** The crisis case opened from it, if any. */
    public UUID caseId;
}
