package vn.commops.activity.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.commops.activity.partner.Partner;

/** The active subscriptions as the fan-out matches events against them, partners' grants read fresh. */
@ApplicationScoped
public class SubscriptionScopes {

    @Transactional(Transactional.TxType.MANDATORY)
    List<SubscriptionScope> active() {
        List<Subscription> subscriptions = Subscription.list("status", Subscription.Status.ACTIVE);
        List<String> partnerIds = subscriptions.stream().filter(s -> s.ownerKind == Subscription.OwnerKind.PARTNER)
                .map(s -> s.ownerId).distinct().toList();
        Map<String, Set<String>> grants = new HashMap<>();
        if (!partnerIds.isEmpty()) {
            Partner.<Partner>list("id in ?1", partnerIds).forEach(p -> grants.put(p.id, Set.of(p.orgUnits)));
        }
        return subscriptions.stream().map(s -> new SubscriptionScope(s.id, Set.of(s.eventTypes), Set.of(s.orgUnits),
                s.ownerKind == Subscription.OwnerKind.PARTNER ? grants.getOrDefault(s.ownerId, Set.of()) : null))
                .toList();
    }
}
