package vn.commops.activity.subscription;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.commops.activity.subscription.SubscriptionViews.DeliveryView;
import vn.commops.activity.subscription.SubscriptionViews.ReplayView;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;

/** A subscription's deliveries as its owner sees them: their status, a dead letter driven again, a replay. */
@ApplicationScoped
public class DeliveryService {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "d.createdAt", "eventTime", "e.eventTime",
            "attempts", "d.attempts", "nextAttemptAt", "d.nextAttemptAt");

    private final SubscriptionOwners owners;
    private final SubscriptionScopes scopes;
    private final WebhooksConfig config;
    private final EntityManager entityManager;
    private final SubscriptionEvents events;

    DeliveryService(SubscriptionOwners owners, SubscriptionScopes scopes, WebhooksConfig config,
            EntityManager entityManager, SubscriptionEvents events) {
        this.owners = owners;
        this.scopes = scopes;
        this.config = config;
        this.entityManager = entityManager;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<DeliveryView> deliveries(UUID subscriptionId, Optional<Delivery.Status> status, PageRequest paging) {
        owners.visible(subscriptionId);
        Sort sort = Sorting.of(paging.sort, SORTABLE, Sort.descending("d.createdAt"));
        String where = " from Delivery d, ReceivedEvent e where e.eventId = d.eventId and d.subscriptionId = :id"
                + (status.isPresent() ? " and d.status = :status" : "");
        var page = entityManager.createQuery("select d, e.type, e.eventTime" + where + orderBy(sort), Object[].class)
                .setParameter("id", subscriptionId);
        var count = entityManager.createQuery("select count(d)" + where, Long.class).setParameter("id", subscriptionId);
        status.ifPresent(s -> {
            page.setParameter("status", s);
            count.setParameter("status", s);
        });
        List<DeliveryView> items = page.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList().stream()
                .map(row -> DeliveryView.of((Delivery) row[0], (String) row[1], (OffsetDateTime) row[2])).toList();
        return new PageOf<>(items, paging.page, paging.size, count.getSingleResult());
    }

    private static String orderBy(Sort sort) {
        StringBuilder order = new StringBuilder(" order by ");
        for (Sort.Column column : sort.getColumns()) {
            order.append(column.getName()).append(column.getDirection() == Sort.Direction.Descending ? " desc, " : ", ");
        }
        return order.append("d.id").toString();
    }

    /** A dead-lettered delivery back in the queue, its attempts counted afresh. */
    @Transactional
    public DeliveryView redrive(UUID subscriptionId, UUID deliveryId) {
        Subscription subscription = owners.visible(subscriptionId);
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || !delivery.subscriptionId.equals(subscriptionId)) {
            throw ProblemException.notFound("Delivery", deliveryId.toString());
        }
        requireActive(subscription);
        if (delivery.status != Delivery.Status.DEAD_LETTERED) {
            throw ProblemException.conflict("delivery-not-dead-lettered", "Delivery '" + deliveryId + "' is "
                    + delivery.status + "; only a dead-lettered delivery is driven again");
        }
        delivery.status = Delivery.Status.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = OffsetDateTime.now();
        delivery.leaseUntil = null;
        ReceivedEvent event = ReceivedEvent.findById(delivery.eventId);
        events.deliveryRedriven(subscription, delivery, event.type, owners.callerName());
        return DeliveryView.of(delivery, event.type, event.eventTime);
    }

    /**
     * Every event this subscription was sent (or tried) whose time is at or after {@code from}, queued once more,
     * as far as the subscription and, for a partner, its current grants still cover it.
     */
    @Transactional
    public ReplayView replay(UUID subscriptionId, OffsetDateTime from) {
        Subscription subscription = owners.visible(subscriptionId);
        requireActive(subscription);
        OffsetDateTime now = OffsetDateTime.now();
        if (from.isAfter(now)) {
            throw ProblemException.invalidField("replay-from-future", "from", "must not be in the future");
        }
        OffsetDateTime earliest = now.minus(config.retention());
        if (from.isBefore(earliest)) {
            throw ProblemException.invalidField("replay-beyond-retention", "from", "events are kept for "
                    + config.retention() + "; the earliest time a replay can start from is " + earliest);
        }
        SubscriptionScope scope = scopes.active().stream().filter(s -> s.subscriptionId().equals(subscriptionId))
                .findFirst().orElseThrow();
        List<UUID> eventIds = entityManager.createQuery("select distinct e from Delivery d, ReceivedEvent e "
                + "where e.eventId = d.eventId and d.subscriptionId = :id and e.eventTime >= :from", ReceivedEvent.class)
                .setParameter("id", subscriptionId).setParameter("from", from).getResultList().stream()
                .filter(e -> scope.matches(e.type, e.orgUnitPath)).map(e -> e.eventId).toList();
        Replay replay = new Replay();
        replay.id = UUID.randomUUID();
        replay.subscriptionId = subscriptionId;
        replay.from = from;
        replay.requestedBy = owners.callerName();
        replay.requestedAt = now;
        replay.eventCount = eventIds.size();
        replay.persist();
        if (!eventIds.isEmpty()) {
            entityManager.createNativeQuery("insert into webhook_delivery (id, subscription_id, event_id, replay_id, "
                    + "status, attempts, next_attempt_at, created_at) select gen_random_uuid(), :subscription, id, "
                    + ":replay, 'PENDING', 0, :now, :now from unnest(cast(:ids as uuid[])) id")
                    .setParameter("subscription", subscriptionId)
                    .setParameter("replay", replay.id)
                    .setParameter("now", now)
                    .setParameter("ids", eventIds.stream().map(UUID::toString).toArray(String[]::new))
                    .executeUpdate();
        }
        events.replayRequested(subscription, replay);
        return new ReplayView(replay.id, subscriptionId, from, replay.requestedBy, now, replay.eventCount);
    }

    private static void requireActive(Subscription subscription) {
        if (subscription.status != Subscription.Status.ACTIVE) {
            throw ProblemException.conflict("subscription-disabled", "Subscription '" + subscription.id
                    + "' is disabled");
        }
    }
}
