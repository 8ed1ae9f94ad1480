package vn.commops.indicator.rollup;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;

/**
 * Keeps the live totals equal to the sum of every activity's latest revision. Each event carries the
 * activity's whole current revision, so the totals move by new minus what was last applied for it; an
 * older or already-applied revision changes nothing, and so does a redelivered event.
 */
@ApplicationScoped
public class ActivityRollup {

    static final String CONSUMER = "indicator-service.activity-rollup";
    static final String NO_CAMPAIGN = "";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final ActivityStates states;
    private final UnitPlacements placements;
    private final UnitDayTotals totals;
    private final ZoneId zone;

    ActivityRollup(EventReader reader, ProcessedEvents processed, ActivityStates states, UnitPlacements placements,
            UnitDayTotals totals, @ConfigProperty(name = "commops.indicators.zone") ZoneId zone) {
        this.reader = reader;
        this.processed = processed;
        this.states = states;
        this.placements = placements;
        this.totals = totals;
        this.zone = zone;
    }

    @Incoming("activities")
    @Blocking
    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!event.type().startsWith("activity.") || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        ActivityRevision revision = reader.data(event, ActivityRevision.class);
        UUID activityId = revision.activityId() != null ? revision.activityId() : UUID.fromString(event.subject());
        Optional<AppliedActivity> applied = states.lock(activityId);
        if (applied.isPresent() && applied.get().revision() >= revision.revisionNumber()) {
            return;
        }
        AppliedActivity next = toApplied(activityId, revision);
        applied.filter(AppliedActivity::counted).ifPresent(old -> totals.add(old.key(), old.values(), -1));
        if (next.counted()) {
            totals.add(next.key(), next.values(), 1);
        }
        states.save(next);
    }

    private AppliedActivity toApplied(UUID activityId, ActivityRevision revision) {
        String seenPath = revision.orgUnitPath() == null || revision.orgUnitPath().isBlank()
                ? "/" + revision.orgUnitCode() + "/"
                : revision.orgUnitPath();
        String path = placements.placeOf(revision.orgUnitCode(), seenPath);
        FactKey key = new FactKey(path, revision.startedAt().atZoneSameInstant(zone).toLocalDate(),
                revision.form() == null ? "" : revision.form(),
                revision.campaignId() == null ? NO_CAMPAIGN : revision.campaignId().toString(), revision.verified());
        String status = revision.verificationStatus() == null ? "REPORTED" : revision.verificationStatus();
        return new AppliedActivity(activityId, revision.revisionNumber(), revision.orgUnitCode(), key, status,
                revision.counts(), revision.values());
    }
}
