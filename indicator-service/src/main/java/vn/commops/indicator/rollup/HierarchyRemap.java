package vn.commops.indicator.rollup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;
import vn.commops.common.orgunit.KnownOrgUnit;

/**
 * Keeps the history of units that move or merge where the hierarchy now says it belongs.
 *
 * <p>A moved unit's totals leave the ancestors it left and join the new ones. A merged unit (or one closed
 * into a successor) is placed under its successor, so its whole history counts toward the successor and
 * the successor's ancestors from then on, while the merged unit's own figures stay readable. Every event
 * carries the unit's full state, so applying one only changes something when the placement differs: a
 * redelivered event, or the per-unit events of a moved subtree after its root moved, find it in place.
 */
@ApplicationScoped
public class HierarchyRemap {

    static final String CONSUMER = "indicator-service.hierarchy-remap";
    private static final Logger LOG = Logger.getLogger(HierarchyRemap.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final UnitPlacements placements;
    private final UnitDayTotals totals;
    private final ActivityStates states;
    private final UnitPathHistory pathHistory;

    HierarchyRemap(EventReader reader, ProcessedEvents processed, UnitPlacements placements, UnitDayTotals totals,
            ActivityStates states, UnitPathHistory pathHistory) {
        this.reader = reader;
        this.processed = processed;
        this.placements = placements;
        this.totals = totals;
        this.states = states;
        this.pathHistory = pathHistory;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrgUnitState(String code, String path, String parentCode, String successorCode, LocalDate effectiveDate,
            String previousPath) {
    }

    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!event.type().startsWith("org-unit.") || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        OrgUnitState unit = reader.data(event, OrgUnitState.class);
        if (unit.code() == null || unit.path() == null) {
            return;
        }
        if (unit.effectiveDate() != null) {
            // For the as-was totals, which this re-mapping leaves alone: where the unit hangs from that day.
            pathHistory.record(unit.code(), unit.path(), unit.effectiveDate());
        }
        boolean mergedAway = unit.successorCode() != null && !unit.successorCode().equals(unit.code())
                && (event.type().equals("org-unit.merged") || event.type().equals("org-unit.closed"));
        Optional<String> target = mergedAway ? successorPlacement(unit) : Optional.of(unit.path());
        if (target.isEmpty()) {
            LOG.warnf("Successor %s of %s is unknown; %s keeps its placement", unit.successorCode(), unit.code(),
                    unit.code());
            return;
        }
        Optional<String> current = placements.pathOf(unit.code())
                .or(() -> Optional.ofNullable(unit.previousPath()));
        if (current.isEmpty() || current.get().equals(target.get())) {
            placements.place(unit.code(), target.get(), mergedAway ? unit.successorCode() : null,
                    unit.effectiveDate());
            return;
        }
        move(unit.code(), current.get(), target.get());
        placements.place(unit.code(), target.get(), mergedAway ? unit.successorCode() : null, unit.effectiveDate());
    }

    private Optional<String> successorPlacement(OrgUnitState unit) {
        return placements.pathOf(unit.successorCode())
                .or(() -> Optional.ofNullable(KnownOrgUnit.<KnownOrgUnit>findById(unit.successorCode()))
                        .map(successor -> successor.path))
                .map(successorPath -> successorPath + unit.code() + "/");
    }

    private void move(String code, String oldPath, String newPath) {
        Set<String> before = ancestors(oldPath, code);
        Set<String> after = ancestors(newPath, code);
        Set<String> leaving = new LinkedHashSet<>(before);
        leaving.removeAll(after);
        Set<String> joining = new LinkedHashSet<>(after);
        joining.removeAll(before);
        totals.shift(code, String.join("/", leaving), String.join("/", joining));
        states.repath(oldPath, newPath);
        placements.repath(oldPath, newPath);
        LOG.infof("Re-mapped the history of %s from %s to %s", code, oldPath, newPath);
    }

    private static Set<String> ancestors(String path, String code) {
        List<String> codes = Arrays.stream(path.split("/")).filter(c -> !c.isEmpty() && !c.equals(code)).toList();
        return new LinkedHashSet<>(codes);
    }
}
