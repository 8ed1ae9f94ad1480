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

    private final EventPublisher publisher;
    private final OrgUnitHistory history;

    OrgUnitEvents(EventPublisher publisher, OrgUnitHistory history) {
        this.publisher = publisher;
        this.history = history;
    }

    void created(OrgUnit unit) {
        changed(CREATED, unit, unit.validFrom, null);
    }

    void updated(OrgUnit unit, LocalDate effectiveDate) {
        changed(UPDATED, unit, effectiveDate, null);
    }

    void moved(OrgUnit unit, LocalDate effectiveDate, String previousPath) {
        changed(MOVED, unit, effectiveDate, previousPath);
    }

    void merged(OrgUnit unit, LocalDate effectiveDate) {
        changed(MERGED, unit, effectiveDate, null);
    }

    void split(OrgUnit unit, LocalDate effectiveDate) {
        changed(SPLIT, unit, effectiveDate, null);
    }

    void closed(OrgUnit unit, LocalDate effectiveDate) {
        changed(CLOSED, unit, effectiveDate, null);
    }

    private void changed(String type, OrgUnit unit, LocalDate effectiveDate, String previousPath) {
        history.record(unit, type.substring(type.indexOf('.') + 1), effectiveDate);
        publisher.publish(TOPIC, type, unit.code, OrgUnitChange.of(unit, effectiveDate, previousPath));
    }
}
