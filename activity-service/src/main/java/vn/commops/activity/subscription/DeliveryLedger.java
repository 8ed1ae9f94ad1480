package vn.commops.activity.subscription;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The deliveries' state changes on the worker's side: claiming the due ones and recording each attempt. A claim
 * is a lease (several instances share the table without sending one delivery twice at once; a lease left by an
 * instance that died runs out and the delivery is claimed again), and it respects each subscription's limit of
 * deliveries in flight, counting those this instance is already sending.
 */
@ApplicationScoped
public class DeliveryLedger {

    /** What a sender needs, read with the claim. */
    record Claimed(UUID deliveryId, UUID subscriptionId, UUID eventId, String eventType, int attempts,
            String targetUrl, String secretCiphertext, String payload) {
    }

    private final WebhooksConfig config;

    DeliveryLedger(WebhooksConfig config) {
        this.config = config;
    }

    /**
     * Up to {@code limit} due deliveries, oldest first, at most {@code senders-per-subscription} of each
     * subscription including {@code sending} (those this instance has in flight, by subscription).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    List<Claimed> claimDue(int limit, Map<UUID, Integer> sending) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                with ranked as (
                    select d.id, d.subscription_id, d.next_attempt_at,
                           row_number() over (partition by d.subscription_id order by d.next_attempt_at, d.id) as rank
                    from webhook_delivery d
                    join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE'
                    where d.status = 'PENDING' and d.next_attempt_at <= now()
                      and (d.lease_until is null or d.lease_until < now())
                ), chosen as (
                    select r.id from ranked r
                    left join unnest(cast(:busy as uuid[]), cast(:busyCounts as int[])) as b(subscription_id, sending)
                           on b.subscription_id = r.subscription_id
                    where r.rank <= :perSubscription - coalesce(b.sending, 0)
                    order by r.next_attempt_at
                    limit :limit
                )
                update webhook_delivery d set lease_until = now() + cast(:lease as interval)
                from chosen c, webhook_subscription s, webhook_event e
                where d.id = c.id and s.id = d.subscription_id and e.event_id = d.event_id
                  and d.status = 'PENDING' and (d.lease_until is null or d.lease_until < now())
                returning d.id, d.subscription_id, d.event_id, e.type, d.attempts, s.target_url, s.secret_ciphertext,
                          e.payload
                """)
                .setParameter("busy", sending.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("busyCounts", sending.values().stream().map(String::valueOf).toArray(String[]::new))
                .setParameter("perSubscription", config.sendersPerSubscription())
                .setParameter("limit", limit)
                .setParameter("lease", lease().toSeconds() + " seconds")
                .getResultList();
        return rows.stream().map(row -> new Claimed((UUID) row[0], (UUID) row[1], (UUID) row[2], (String) row[3],
                ((Number) row[4]).intValue(), (String) row[5], (String) row[6], (String) row[7])).toList();
    }

    /** Longer than any attempt may take, so a lease runs out only when its instance is gone. */
    private Duration lease() {
        return config.timeout().multipliedBy(2).plusSeconds(30);
    }

    @Transactional
    void delivered(UUID deliveryId, int statusCode) {
        Panache.getEntityManager().createNativeQuery("""
                update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = now(),
                       last_status_code = :code, last_error = null, delivered_at = now(), lease_until = null
                where id = :id and status = 'PENDING'
                """)
                .setParameter("code", statusCode)
                .setParameter("id", deliveryId)
                .executeUpdate();
    }

    /** Records a failed attempt; true when it was the last one allowed and the delivery is now dead-lettered. */
    @Transactional
    boolean failed(UUID deliveryId, int attemptsBefore, Integer statusCode, String error) {
        int attempts = attemptsBefore + 1;
        boolean deadLettered = attempts >= config.maxAttempts();
        Duration wait = Backoff.after(attempts, config.initialBackoff(), config.maxBackoff(),
                ThreadLocalRandom.current()::nextDouble);
        Panache.getEntityManager().createNativeQuery("""
                update webhook_delivery set status = :status, attempts = :attempts, last_attempt_at = now(),
                       last_status_code = cast(:code as integer), last_error = :error, next_attempt_at = :next, lease_until = null
                where id = :id and status = 'PENDING'
                """)
                .setParameter("status", deadLettered ? "DEAD_LETTERED" : "PENDING")
                .setParameter("attempts", attempts)
                .setParameter("code", statusCode)
                .setParameter("error", error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter("next", OffsetDateTime.now().plus(wait))
                .setParameter("id", deliveryId)
                .executeUpdate();
        return deadLettered;
    }
}
