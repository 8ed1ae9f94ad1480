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

    @Column(name = "topic_code", nullable = false)
    public String topicCode;

    @Column(name = "org_unit_code", nullable = false)
    public String orgUnitCode;

    @Column(name = "org_unit_path", nullable = false)
    public String orgUnitPath;

    @Column(name = "window_start", nullable = false)
    public OffsetDateTime windowStart;

    @Column(name = "window_end", nullable = false)
    public OffsetDateTime windowEnd;

    @Column(nullable = false)
    public int volume;

    @Column(nullable = false)
    public double baseline;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public String explanation;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    /** The crisis case opened from it, if any. */
    @Column(name = "case_id")
    public UUID caseId;
}
