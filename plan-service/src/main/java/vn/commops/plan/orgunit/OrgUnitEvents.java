package vn.commops.plan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import vn.commops.common.event.EventPublisher;

/**
 * The org-unit facts other services keep replicas of and re-map history with; see docs/events.md.
 * Each change is also kept as a version ({@link OrgUnitHistory}) in the same transaction.
 */
@ApplicationScoped
public class OrgUnitEvents {

    public static final String TOPIC = "org-units";
    public static final String CREATED = "org-unit.created";
    public static final String UPDATED = "org-unit.updated";
    public static final String MOVED = "org-unit.moved";
    public static final String MERGED = "org-unit.merged";
    public static final String SPLIT = "org-unit.split";
    public static final String CLOSED = "org-unit.closed";
    /*
     * A reorganisation's own lifecycle, on the same topic; replicas apply only "org-unit." events, which a
     * scheduled change publishes when it takes effect and not before.
     */
    public static final String REORGANISATION_SCHEDULED = "reorganisation.scheduled";
    public static final String REORGANISATION_APPLIED = "reorganisation.applied";
    public static final String REORGANISATION_CANCELLED = "reorganisation.cancelled";
    public static final String REORGANISATION_FAILED = "reorganisation.failed";

    /** A level of the hierarchy added; keyed {@code level-<code>}; replicas skip it like reorganisations. */
    public static final String LEVEL_CREATED = "org-level.created";

    private final EventPublisher publisher;
    private final OrgUnitHistory history;

    OrgUnitEvents(EventPublisher publisher, OrgUnitHistory history) {
        this.publisher = publisher;
        this.history = history;
    }

    void levelCreated(OrgLevelService.OrgLevelView level) {
        publisher.publish(TOPIC, LEVEL_CREATED, "level-" + level.code(), level);
    }

    void created(OrgUnit unit, ChangeNote note) {
        changed(CREATED, unit, unit.validFrom, null, note);
    }

    void updated(OrgUnit unit, LocalDate effectiveDate, ChangeNote note) {
        changed(UPDATED, unit, effectiveDate, null, note);
    }

    void moved(OrgUnit unit, LocalDate effectiveDate, String previousPath, ChangeNote note) {
        changed(MOVED, unit, effectiveDate, previousPath, note);
    }

    void merged(OrgUnit unit, LocalDate effectiveDate, ChangeNote note) {
        changed(MERGED, unit, effectiveDate, null, note);
    }

    void split(OrgUnit unit, LocalDate effectiveDate, ChangeNote note) {
        changed(SPLIT, unit, effectiveDate, null, note);
    }

    void closed(OrgUnit unit, LocalDate effectiveDate, ChangeNote note) {
        changed(CLOSED, unit, effectiveDate, null, note);
    }

    void reorganisation(String type, ReorganisationView reorganisation) {
        publisher.publish(TOPIC, type, "reorganisation-" + reorganisation.id(), reorganisation);
    }

    private void changed(String type, OrgUnit unit, LocalDate effectiveDate, String previousPath, ChangeNote note) {
        history.record(unit, type.substring(type.indexOf('.') + 1), effectiveDate, note);
        publisher.publish(TOPIC, type, unit.code, OrgUnitChange.of(unit, effectiveDate, previousPath, note));
    }
}
