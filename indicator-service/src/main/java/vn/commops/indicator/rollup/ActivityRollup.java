package vn.commops.indicator.rollup;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventBatch;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;
import vn.commops.common.event.RetriedWhileDatabaseDown;

/**
 * Keeps the live totals equal to the sum of every activity's latest revision. Each event carries the
 * activity's whole current revision, so the totals move by new minus what was last applied for it; an
 * older or already-applied revision changes nothing, and so does a redelivered event (its id is recorded
 * in {@code processed_event} in the same transaction, as {@code ProcessedEvents} does for one event).
 */
@ApplicationScoped
public class ActivityRollup {

    static final String CONSUMER = "indicator-service.activity-rollup";
    static final String NO_CAMPAIGN = "";

    private final EventReader reader;
    private final EntityManager entityManager;
    private final ProcessedEvents processed;
    private final ActivityStates states;
    private final UnitPlacements placements;
    private final UnitDayTotals totals;
    private final UnitPathHistory pathHistory;
    private final BreakdownTotals breakdowns;
    private final ZoneId zone;

    ActivityRollup(EventReader reader, EntityManager entityManager, ProcessedEvents processed, ActivityStates states,
            UnitPlacements placements, UnitDayTotals totals, UnitPathHistory pathHistory, BreakdownTotals breakdowns,
            @ConfigProperty(name = "commops.indicators.zone") ZoneId zone) {
        this.reader = reader;
        this.entityManager = entityManager;
        this.processed = processed;
        this.states = states;
        this.placements = placements;
        this.totals = totals;
        this.pathHistory = pathHistory;
        this.breakdowns = breakdowns;
        this.zone = zone;
    }

    /**
     * A poll's worth of events in one transaction and a handful of statements: what lets the values keep up
     * with hundreds of activities a second. If the database is down, the whole batch waits and is applied
     * again when it answers. If the batch fails otherwise, its events are applied one by one so that one bad
     * message holds up no other, and only an event that still fails goes to the dead-letter topic, alone
     * (see {@link EventBatch}).
     */
    @Incoming("activities")
    @RetriedWhileDatabaseDown
    @Blocking
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        return EventBatch.apply(batch, this::applyAll);
    }

    private void applyAll(List<String> messages) {
        List<EventEnvelope> events = new ArrayList<>();
        for (String message : messages) {
            EventEnvelope event = reader.envelope(message);
            if (event.type().startsWith("activity.")) {
                events.add(event);
            }
        }
        Set<UUID> firstDeliveries = recordDeliveries(events);
        List<ActivityRevision> revisions = new ArrayList<>();
        Map<String, String> pathsSeen = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            if (firstDeliveries.remove(event.id())) {
                ActivityRevision revision = reader.data(event, ActivityRevision.class);
                if (revision.activityId() == null) {
                    revision = revision.withActivityId(UUID.fromString(event.subject()));
                }
                revisions.add(revision);
                pathsSeen.putIfAbsent(revision.orgUnitCode(), seenPath(revision));
            }
        }
        if (revisions.isEmpty()) {
            return;
        }
        Map<UUID, AppliedActivity> applied = states.lockAll(revisions.stream().map(ActivityRevision::activityId)
                .distinct().sorted().toList());
        Map<String, String> placed = placements.placeAll(pathsSeen);
        Map<UnitPathHistory.UnitDay, String> pathsThen = pathHistory.pathsOn(revisions.stream()
                .map(revision -> new UnitPathHistory.UnitDay(revision.orgUnitCode(), day(revision))).distinct().toList());
        Map<FactKey, long[]> changes = new LinkedHashMap<>();
        Map<FactKey, long[]> asWasChanges = new LinkedHashMap<>();
        Map<UUID, AppliedActivity> changed = new LinkedHashMap<>();
        Map<BreakdownTotals.Change, Long> counts = new LinkedHashMap<>();
        Map<BreakdownTotals.Change, Long> asWasCounts = new LinkedHashMap<>();
        for (ActivityRevision revision : revisions) {
            AppliedActivity old = applied.get(revision.activityId());
            if (old != null && old.revision() >= revision.revisionNumber()) {
                continue;
            }
            String pathThen = pathsThen.getOrDefault(new UnitPathHistory.UnitDay(revision.orgUnitCode(),
                    day(revision)), seenPath(revision));
            AppliedActivity next = toApplied(revision, placed.get(revision.orgUnitCode()), pathThen);
            if (old != null && old.counted()) {
                change(changes, old.key(), old.values(), -1);
                change(asWasChanges, old.asWasKey(), old.values(), -1);
                count(counts, old.key(), old.breakdowns(), -1);
                count(asWasCounts, old.asWasKey(), old.breakdowns(), -1);
            }
            if (next.counted()) {
                change(changes, next.key(), next.values(), 1);
                change(asWasChanges, next.asWasKey(), next.values(), 1);
                count(counts, next.key(), next.breakdowns(), 1);
                count(asWasCounts, next.asWasKey(), next.breakdowns(), 1);
            }
            applied.put(next.activityId(), next);
            changed.put(next.activityId(), next);
        }
        totals.addAll(changes);
        totals.addAllAsWas(asWasChanges);
        breakdowns.addAll(counts, false);
        breakdowns.addAll(asWasCounts, true);
        states.saveAll(changed.values());
    }

    /** The events of this batch not processed before; recorded as processed in this transaction. */
    @SuppressWarnings("unchecked")
    private Set<UUID> recordDeliveries(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        List<Object> inserted = entityManager.createNativeQuery("insert into processed_event (consumer, event_id) "
                + "select :consumer, id from unnest(cast(:ids as uuid[])) id on conflict do nothing returning event_id")
                .setParameter("consumer", CONSUMER)
                .setParameter("ids", PgArrays.of(events.stream().map(EventEnvelope::id).toList()))
                .getResultList();
        Set<UUID> first = new HashSet<>();
        inserted.forEach(id -> first.add((UUID) id));
        processed.duplicatesAbsorbed(CONSUMER, events.size() - first.size());
        return first;
    }

    private static void change(Map<FactKey, long[]> changes, FactKey key, long[] values, int sign) {
        long[] sums = changes.computeIfAbsent(key, k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            sums[i] += sign * values[i];
        }
    }

    private static void count(Map<BreakdownTotals.Change, Long> changes, FactKey key, Map<String, Long> counts,
            int sign) {
        counts.forEach((count, value) -> changes.merge(new BreakdownTotals.Change(key, count), sign * value, Long::sum));
    }

    private static String seenPath(ActivityRevision revision) {
        return revision.orgUnitPath() == null || revision.orgUnitPath().isBlank()
                ? "/" + revision.orgUnitCode() + "/"
                : revision.orgUnitPath();
    }

    private LocalDate day(ActivityRevision revision) {
        return revision.startedAt().atZoneSameInstant(zone).toLocalDate();
    }

    /**
     * @param path where the unit's history counts now (its placement)
     * @param pathThen where the unit hung on the activity's day
     */
    private AppliedActivity toApplied(ActivityRevision revision, String path, String pathThen) {
        FactKey key = new FactKey(path, day(revision),
                revision.form() == null ? "" : revision.form(),
                revision.campaignId() == null ? NO_CAMPAIGN : revision.campaignId().toString(), revision.verified(),
                revision.costed());
        String status = revision.verificationStatus() == null ? "REPORTED" : revision.verificationStatus();
        return new AppliedActivity(revision.activityId(), revision.revisionNumber(), revision.orgUnitCode(), key,
                pathThen, status, revision.counts(), revision.values(),
                revision.breakdownCounts());
    }
}
