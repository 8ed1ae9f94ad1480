package vn.commops.activity.subscription;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and responses of webhook subscriptions. */
public final class SubscriptionViews {

    private SubscriptionViews() {
    }

    @Schema(name = "SubscriptionRequest", description = "Where to send which events")
    public record SubscriptionRequest(
            @NotBlank @Size(max = 2000)
            @Schema(description = "The receiver: an https URL (http only where the platform allows it) whose host "
                    + "resolves to public addresses", examples = "https://dhis2.example.org/api/commops/events")
            String url,
            @NotNull @Size(min = 1, max = 50)
            @Schema(description = "Event types to receive (docs/events.md); a partner may subscribe to activity "
                    + "events only", examples = "[\"activity.recorded\", \"activity.corrected\"]")
            List<@NotBlank @Size(max = 100) String> eventTypes,
            @Size(max = 100)
            @Schema(description = "Org-unit subtrees the events must lie in, within the caller's grants; absent or "
                    + "empty for every unit the caller may see", examples = "[\"LC\"]")
            List<@NotBlank @Size(max = 64) String> orgUnits,
            @Size(max = 1000) @Schema(examples = "Kobo sync of Lào Cai activities") String description) {
    }

    @Schema(name = "DeliveryCounts", description = "The subscription's deliveries still kept, by status")
    public record DeliveryCounts(
            @Schema(examples = "2") long pending,
            @Schema(examples = "140") long delivered,
            @Schema(examples = "1") long deadLettered,
            @Schema(examples = "0") long cancelled) {
    }

    @Schema(name = "Subscription")
    public record SubscriptionView(
            @Schema(examples = "0193b7e2-5c1a-7d4e-9f3b-2a6c8e1d4f70") UUID id,
            @Schema(examples = "PARTNER") Subscription.OwnerKind ownerKind,
            @Schema(description = "The partner's id, or the integrator's user name", examples = "post-office-lc")
            String ownerId,
            @Schema(examples = "https://dhis2.example.org/api/commops/events") String url,
            @Schema(examples = "[\"activity.recorded\"]") List<String> eventTypes,
            @Schema(examples = "[\"LC\"]") List<String> orgUnits,
            @Schema(examples = "Kobo sync of Lào Cai activities") String description,
            @Schema(examples = "ACTIVE") Subscription.Status status,
            DeliveryCounts deliveries,
            @Schema(examples = "2024-05-13T08:00:02+07:00") OffsetDateTime secretRotatedAt,
            @Schema(examples = "2024-05-13T08:00:02+07:00") OffsetDateTime createdAt,
            @Schema(examples = "2024-05-13T08:00:02+07:00") OffsetDateTime updatedAt) {

        static SubscriptionView of(Subscription s, DeliveryCounts counts) {
            return new SubscriptionView(s.id, s.ownerKind, s.ownerId, s.targetUrl, List.of(s.eventTypes),
                    List.of(s.orgUnits), s.description, s.status, counts, s.secretRotatedAt, s.createdAt,
                    s.updatedAt);
        }
    }

    @Schema(name = "IssuedSubscription", description = "A new subscription and its signing secret, shown this once")
    public record IssuedSubscription(
            SubscriptionView subscription,
            @Schema(description = "Keys the HMAC-SHA256 signature of every delivery; store it now",
                    examples = "whsec_Jm2yqJ0cT9…") String secret) {
    }

    @Schema(name = "RotatedSecret", description = "A subscription's new signing secret, shown this once; the old one "
            + "signs nothing from now on")
    public record RotatedSecret(@Schema(examples = "0193b7e2-5c1a-7d4e-9f3b-2a6c8e1d4f70") UUID subscriptionId,
            @Schema(examples = "whsec_Q1w8…") String secret, @Schema(examples = "2024-05-13T08:00:02+07:00") OffsetDateTime rotatedAt) {
    }

    @Schema(name = "Delivery", description = "One event on its way to the subscription, and its attempts")
    public record DeliveryView(
            @Schema(examples = "0193b7e3-1f2a-7b3c-8d4e-5f6a7b8c9d0e") UUID id,
            @Schema(examples = "6f1c0e52-8a47-4b0a-9d3e-1f0b7a51c0de") UUID eventId,
            @Schema(examples = "activity.recorded") String eventType,
            @Schema(examples = "2024-05-13T08:00:02+07:00") OffsetDateTime eventTime,
            @Schema(description = "The replay that queued it; null for the first delivery", examples = "0193b7e4-2a3b-7c4d-9e5f-6a7b8c9d0e1f")
            UUID replayId,
            @Schema(examples = "DELIVERED") Delivery.Status status,
            @Schema(examples = "2") int attempts,
            @Schema(description = "When the next attempt is due, for a pending delivery", examples = "2024-05-13T08:00:02+07:00")
            OffsetDateTime nextAttemptAt,
            @Schema(examples = "2024-05-13T08:00:02+07:00") OffsetDateTime lastAttemptAt,
            @Schema(description = "The receiver's HTTP status at the last attempt, if it answered", examples = "500")
            Integer lastStatusCode,
            @Schema(examples = "answered HTTP 500") String lastError,
            @Schema(examples = "2024-05-13T08:00:02+07:00") OffsetDateTime deliveredAt,
            @Schema(examples = "2024-05-13T08:00:02+07:00") OffsetDateTime createdAt) {

        static DeliveryView of(Delivery d, String eventType, OffsetDateTime eventTime) {
            return new DeliveryView(d.id, d.eventId, eventType, eventTime, d.replayId, d.status, d.attempts,
                    d.status == Delivery.Status.PENDING ? d.nextAttemptAt : null, d.lastAttemptAt, d.lastStatusCode,
                    d.lastError, d.deliveredAt, d.createdAt);
        }
    }

    @Schema(name = "ReplayRequest")
    public record ReplayRequest(
            @NotNull @Schema(description = "Send again every event this subscription was sent whose time is at or "
                    + "after this", examples = "2024-05-13T00:00:00+07:00") OffsetDateTime from) {
    }

    @Schema(name = "Replay", description = "Events queued again for a subscription")
    public record ReplayView(@Schema(examples = "0193b7e4-2a3b-7c4d-9e5f-6a7b8c9d0e1f") UUID id, @Schema(examples = "0193b7e2-5c1a-7d4e-9f3b-2a6c8e1d4f70") UUID subscriptionId,
            @Schema(examples = "2024-05-13T00:00:00+07:00") OffsetDateTime from,
            @Schema(examples = "partner:kobo-lc") String requestedBy, @Schema(examples = "2024-05-13T08:00:02+07:00") OffsetDateTime requestedAt,
            @Schema(description = "Deliveries queued", examples = "12") int deliveriesQueued) {
    }
}
