package vn.commops.crisis.crisiscase;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One thing that happened to a case, for its timeline. */
@Entity
@Table(name = "crisis_case_timeline")
public class TimelineEntry extends PanacheEntityBase {

    public enum Kind { OPENED, UPDATED, TRANSITIONED, LINKED, ACTION_ADDED, ACTION_DONE, POST_CRISIS_REQUESTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String detail;

    static void record(UUID caseId, OffsetDateTime at, Kind kind, String actor, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.caseId = caseId;
        entry.at = at;
        entry.kind = kind;
        entry.actor = actor;
        entry.detail = detail;
        entry.persist();
    }
}
