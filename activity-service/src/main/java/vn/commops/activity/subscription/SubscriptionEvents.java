package vn.commops.activity.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/**
 * Webhook subscription facts on {@code subscriptions}, keyed by subscription id so that a subscription's
 * changes stay in order. The target is named by its host only: the secret, its ciphertext and the URL's path
 * and query (where receivers often put tokens) never leave.
 */
@ApplicationScoped
public class SubscriptionEvents {

    public static final String TOPIC = "subscriptions";
    public static final String CREATED = "subscription.created";
    public static final String DISABLED = "subscription.disabled";
    public static final String SECRET_ROTATED = "subscription.secret-rotated";
    public static final String REPLAY_REQUESTED = "subscription.replay-requested";
    public static final String DELIVERY_REDRIVEN = "delivery.redriven";

    private final EventPublisher publisher;

    SubscriptionEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record SubscriptionChanged(UUID subscriptionId, Subscription.OwnerKind ownerKind, String ownerId,
            String targetHost, List<String> eventTypes, List<String> orgUnits, Subscription.Status status,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record SecretRotated(UUID subscriptionId, Subscription.OwnerKind ownerKind, String ownerId,
            String targetHost, OffsetDateTime rotatedAt) {
    }

    public record ReplayRequested(UUID subscriptionId, Subscription.OwnerKind ownerKind, String ownerId,
            UUID replayId, OffsetDateTime from, String requestedBy, OffsetDateTime requestedAt, int eventCount) {
    }

    public record DeliveryRedriven(UUID subscriptionId, Subscription.OwnerKind ownerKind, String ownerId,
            UUID deliveryId, UUID eventId, String eventType, String redrivenBy, OffsetDateTime redrivenAt) {
    }

    void created(Subscription subscription) {
        publishSubscription(CREATED, subscription);
    }

    void disabled(Subscription subscription) {
        publishSubscription(DISABLED, subscription);
    }

    void secretRotated(Subscription subscription) {
        publisher.publish(TOPIC, SECRET_ROTATED, subscription.id.toString(), new SecretRotated(subscription.id,
                subscription.ownerKind, subscription.ownerId, hostOf(subscription.targetUrl),
                subscription.secretRotatedAt));
    }

    void replayRequested(Subscription subscription, Replay replay) {
        publisher.publish(TOPIC, REPLAY_REQUESTED, subscription.id.toString(), new ReplayRequested(subscription.id,
                subscription.ownerKind, subscription.ownerId, replay.id, replay.from, replay.requestedBy,
                replay.requestedAt, replay.eventCount));
    }

    void deliveryRedriven(Subscription subscription, Delivery delivery, String eventType, String redrivenBy) {
        publisher.publish(TOPIC, DELIVERY_REDRIVEN, subscription.id.toString(), new DeliveryRedriven(subscription.id,
                subscription.ownerKind, subscription.ownerId, delivery.id, delivery.eventId, eventType, redrivenBy,
                delivery.nextAttemptAt));
    }

    private void publishSubscription(String type, Subscription subscription) {
        publisher.publish(TOPIC, type, subscription.id.toString(), new SubscriptionChanged(subscription.id,
                subscription.ownerKind, subscription.ownerId, hostOf(subscription.targetUrl),
                List.of(subscription.eventTypes), List.of(subscription.orgUnits), subscription.status,
                subscription.createdAt, subscription.updatedAt));
    }

    /** The host alone; a URL that never passed TargetUrls has none to give. */
    static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
