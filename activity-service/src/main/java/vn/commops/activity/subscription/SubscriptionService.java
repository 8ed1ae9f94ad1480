package vn.commops.activity.subscription;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.commops.activity.subscription.SubscriptionOwners.Owner;
import vn.commops.activity.subscription.SubscriptionViews.DeliveryCounts;
import vn.commops.activity.subscription.SubscriptionViews.IssuedSubscription;
import vn.commops.activity.subscription.SubscriptionViews.RotatedSecret;
import vn.commops.activity.subscription.SubscriptionViews.SubscriptionRequest;
import vn.commops.activity.subscription.SubscriptionViews.SubscriptionView;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/** Subscriptions: made, shown, disabled and given new secrets by their owners. */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionOwners owners;
    private final SigningSecrets secrets;
    private final TargetUrls targets;
    private final SubscriptionEvents events;

    SubscriptionService(SubscriptionOwners owners, SigningSecrets secrets, TargetUrls targets,
            SubscriptionEvents events) {
        this.owners = owners;
        this.secrets = secrets;
        this.targets = targets;
        this.events = events;
    }

    @Transactional
    public IssuedSubscription create(SubscriptionRequest request) {
        secrets.requireConfigured();
        Owner owner = owners.current();
        List<String> eventTypes = checkedEventTypes(owner, request.eventTypes());
        List<String> orgUnits = checkedOrgUnits(owner, request.orgUnits() == null ? List.of() : request.orgUnits());
        String url = request.url().strip();
        targets.refusal(url).ifPresent(reason -> {
            throw ProblemException.invalidField("webhook-target-refused", "url", reason);
        });
        OffsetDateTime now = OffsetDateTime.now();
        String secret = SigningSecrets.generate();
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerKind = owner.kind();
        subscription.ownerId = owner.id();
        subscription.targetUrl = url;
        subscription.eventTypes = eventTypes.toArray(String[]::new);
        subscription.orgUnits = orgUnits.toArray(String[]::new);
        subscription.description = request.description();
        subscription.secretCiphertext = secrets.encrypt(secret);
        subscription.secretRotatedAt = now;
        subscription.status = Subscription.Status.ACTIVE;
        subscription.createdBy = owners.callerName();
        subscription.createdAt = now;
        subscription.updatedAt = now;
        subscription.persist();
        events.created(subscription);
        return new IssuedSubscription(SubscriptionView.of(subscription, new DeliveryCounts(0, 0, 0, 0)), secret);
    }

    private static List<String> checkedEventTypes(Owner owner, List<String> requested) {
        List<Problem.FieldError> unknown = new ArrayList<>();
        List<Problem.FieldError> notGranted = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (!WebhookEventTypes.isKnown(type)) {
                unknown.add(new Problem.FieldError("eventTypes[" + i + "]", "no event type '" + type + "'; one of "
                        + WebhookEventTypes.all()));
            } else if (owner.isPartner() && !WebhookEventTypes.partnerMay(type)) {
                notGranted.add(new Problem.FieldError("eventTypes[" + i + "]",
                        "a partner may subscribe to activity events only"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-event-type", "Request cannot be processed",
                    "The subscription names unknown event types", unknown);
        }
        if (!notGranted.isEmpty()) {
            throw new ProblemException(403, "event-type-not-granted", "Not allowed",
                    "The subscription names event types a partner may not receive", notGranted);
        }
        return requested.stream().distinct().toList();
    }

    private List<String> checkedOrgUnits(Owner owner, List<String> requested) {
        List<Problem.FieldError> unknown = new ArrayList<>();
        List<Problem.FieldError> notGranted = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            KnownOrgUnit unit = KnownOrgUnit.findById(requested.get(i));
            if (unit == null) {
                unknown.add(new Problem.FieldError("orgUnits[" + i + "]", "no org unit '" + requested.get(i) + "'"));
            } else if (!owners.mayUse(owner, unit.path)) {
                notGranted.add(new Problem.FieldError("orgUnits[" + i + "]", "not among your granted org units"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-org-unit", "Request cannot be processed",
                    "The subscription names unknown org units", unknown);
        }
        if (!notGranted.isEmpty()) {
            throw new ProblemException(403, "org-unit-not-granted", "Not allowed on this org unit",
                    "The subscription names org units outside your grants", notGranted);
        }
        return requested.stream().distinct().toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionView get(UUID id) {
        Subscription subscription = owners.visible(id);
        return SubscriptionView.of(subscription, counts(List.of(id)).getOrDefault(id, new DeliveryCounts(0, 0, 0, 0)));
    }

    /** A partner's own subscriptions; an integrator's view is every subscription. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<SubscriptionView> list(Optional<Subscription.Status> status, PageRequest paging) {
        Owner owner = owners.current();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (owner.isPartner()) {
            conditions.add("ownerKind = :kind and ownerId = :owner");
            parameters.put("kind", Subscription.OwnerKind.PARTNER);
            parameters.put("owner", owner.id());
        }
        status.ifPresent(s -> {
            conditions.add("status = :status");
            parameters.put("status", s);
        });
        var query = Subscription.<Subscription>find(conditions.isEmpty() ? "" : String.join(" and ", conditions),
                Sort.descending("createdAt").and("id"), parameters);
        List<Subscription> page = query.page(Page.of(paging.page, paging.size)).list();
        Map<UUID, DeliveryCounts> counts = counts(page.stream().map(s -> s.id).toList());
        return new PageOf<>(page.stream().map(s -> SubscriptionView.of(s, counts.getOrDefault(s.id,
                new DeliveryCounts(0, 0, 0, 0)))).toList(), paging.page, paging.size, query.count());
    }

    /** Stops all sending: pending deliveries are cancelled. Disabling twice is harmless. */
    @Transactional
    public SubscriptionView disable(UUID id) {
        Subscription subscription = owners.visible(id);
        if (subscription.status != Subscription.Status.DISABLED) {
            subscription.status = Subscription.Status.DISABLED;
            subscription.updatedAt = OffsetDateTime.now();
            Delivery.update("status = ?1, leaseUntil = null where subscriptionId = ?2 and status = ?3",
                    Delivery.Status.CANCELLED, id, Delivery.Status.PENDING);
            events.disabled(subscription);
        }
        return get(id);
    }

    @Transactional
    public RotatedSecret rotateSecret(UUID id) {
        secrets.requireConfigured();
        Subscription subscription = owners.visible(id);
        String secret = SigningSecrets.generate();
        subscription.secretCiphertext = secrets.encrypt(secret);
        subscription.secretRotatedAt = OffsetDateTime.now();
        subscription.updatedAt = subscription.secretRotatedAt;
        events.secretRotated(subscription);
        return new RotatedSecret(id, secret, subscription.secretRotatedAt);
    }

    private static Map<UUID, DeliveryCounts> counts(List<UUID> subscriptionIds) {
        Map<UUID, long[]> byStatus = new HashMap<>();
        if (!subscriptionIds.isEmpty()) {
            List<Object[]> rows = Delivery.getEntityManager().createQuery("select d.subscriptionId, d.status, count(d) "
                    + "from Delivery d where d.subscriptionId in :ids group by d.subscriptionId, d.status", Object[].class)
                    .setParameter("ids", subscriptionIds).getResultList();
            for (Object[] row : rows) {
                byStatus.computeIfAbsent((UUID) row[0], k -> new long[4])[((Delivery.Status) row[1]).ordinal()] =
                        ((Number) row[2]).longValue();
            }
        }
        Map<UUID, DeliveryCounts> counts = new HashMap<>();
        byStatus.forEach((id, c) -> counts.put(id, new DeliveryCounts(c[0], c[1], c[2], c[3])));
        return counts;
    }
}
