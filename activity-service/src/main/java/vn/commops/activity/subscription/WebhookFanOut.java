package vn.commops.activity.subscription;

import io.quarkus.hibernate.orm.panache.Panache;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.commops.common.event.EventBatch;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;
import vn.commops.common.event.RetriedWhileDatabaseDown;

/**
 * Turns events into deliveries: a consumer group of its own ({@code activity-service-webhooks}), so its pace
 * is nobody else's, and nothing here waits on a receiver. For each event of a subscribable type it finds the
 * active subscriptions it matches (type, the event's unit against the subscription's and the partner's grants)
 * and, in one transaction with the inbox record, keeps the event as received and writes one pending delivery
 * per subscription. {@link DeliveryWorker} sends them.
 */
@ApplicationScoped
public class WebhookFanOut {

    static final String CONSUMER = "activity-service.webhooks";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final SubscriptionScopes scopes;
    private final EventOrgUnits orgUnits;
    private final WebhookMetrics metrics;

    WebhookFanOut(EventReader reader, ProcessedEvents processed, SubscriptionScopes scopes, EventOrgUnits orgUnits,
            WebhookMetrics metrics) {
        this.reader = reader;
        this.processed = processed;
        this.scopes = scopes;
        this.orgUnits = orgUnits;
        this.metrics = metrics;
    }

    private record Received(EventEnvelope event, String message) {
    }

    private record Match(UUID eventId, UUID subscriptionId) {
    }

    @Incoming("webhook-events")
    @RetriedWhileDatabaseDown
    @Blocking
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        return EventBatch.apply(batch, this::applyAll);
    }

    void applyAll(List<String> messages) {
        Map<UUID, Received> received = new LinkedHashMap<>();
        for (String message : messages) {
            EventEnvelope event = reader.envelope(message);
            if (WebhookEventTypes.isKnown(event.type())) {
                received.putIfAbsent(event.id(), new Received(event, message));
            }
        }
        if (received.isEmpty()) {
            return;
        }
        List<SubscriptionScope> active = scopes.active();
        if (active.isEmpty()) {
            return;
        }
        Map<UUID, String> paths = orgUnits.pathsOf(received.values().stream().map(Received::event).toList());
        List<Match> matches = new ArrayList<>();
        for (Received one : received.values()) {
            String path = paths.get(one.event().id());
            for (SubscriptionScope scope : active) {
                if (scope.matches(one.event().type(), path)) {
                    matches.add(new Match(one.event().id(), scope.subscriptionId()));
                }
            }
        }
        if (matches.isEmpty()) {
            return;
        }
        Set<UUID> first = recordInInbox(matches.stream().map(Match::eventId).distinct().toList());
        matches.removeIf(match -> !first.contains(match.eventId()));
        if (matches.isEmpty()) {
            return;
        }
        keepEvents(first.stream().map(received::get).toList(), paths);
        int queued = queueDeliveries(matches);
        metrics.queued(queued);
    }

    private Set<UUID> recordInInbox(List<UUID> eventIds) {
        @SuppressWarnings("unchecked")
        List<Object> inserted = Panache.getEntityManager().createNativeQuery("insert into processed_event (consumer, "
                + "event_id) select :consumer, id from unnest(cast(:ids as uuid[])) id on conflict do nothing "
                + "returning event_id")
                .setParameter("consumer", CONSUMER)
                .setParameter("ids", eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList();
        Set<UUID> first = new HashSet<>();
        inserted.forEach(id -> first.add((UUID) id));
        processed.duplicatesAbsorbed(CONSUMER, eventIds.size() - first.size());
        return first;
    }

    private static void keepEvents(List<Received> events, Map<UUID, String> paths) {
        Panache.getEntityManager().createNativeQuery("insert into webhook_event (event_id, type, event_time, "
                + "org_unit_path, payload) select * from unnest(cast(:ids as uuid[]), cast(:types as text[]), "
                + "cast(:times as timestamptz[]), cast(:paths as text[]), cast(:payloads as text[])) "
                + "on conflict do nothing")
                .setParameter("ids", events.stream().map(r -> r.event().id().toString()).toArray(String[]::new))
                .setParameter("types", events.stream().map(r -> r.event().type()).toArray(String[]::new))
                .setParameter("times", events.stream().map(r -> r.event().time().toString()).toArray(String[]::new))
                .setParameter("paths", events.stream().map(r -> paths.get(r.event().id())).toArray(String[]::new))
                .setParameter("payloads", events.stream().map(Received::message).toArray(String[]::new))
                .executeUpdate();
    }

    private static int queueDeliveries(List<Match> matches) {
        OffsetDateTime now = OffsetDateTime.now();
        return Panache.getEntityManager().createNativeQuery("insert into webhook_delivery (id, subscription_id, "
                + "event_id, status, attempts, next_attempt_at, created_at) select id, subscription_id, event_id, "
                + "'PENDING', 0, :now, :now from unnest(cast(:ids as uuid[]), cast(:subscriptions as uuid[]), "
                + "cast(:events as uuid[])) as m(id, subscription_id, event_id) on conflict do nothing")
                .setParameter("now", now)
                .setParameter("ids", matches.stream().map(m -> UUID.randomUUID().toString()).toArray(String[]::new))
                .setParameter("subscriptions", matches.stream().map(m -> m.subscriptionId().toString())
                        .toArray(String[]::new))
                .setParameter("events", matches.stream().map(m -> m.eventId().toString()).toArray(String[]::new))
                .executeUpdate();
    }
}
