package vn.commops.activity.subscription;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.commops.activity.partner.Partner;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/**
 * Who owns the subscriptions of the current request: a partner, by its token and the partner registry (never the
 * body), or an integrator (a national administrator), who may also look after every partner's subscriptions.
 */
@RequestScoped
public class SubscriptionOwners {

    /** @param partnerUnits the partner's registered subtree roots; null for an integrator */
    record Owner(Subscription.OwnerKind kind, String id, Set<String> partnerUnits) {
        boolean isPartner() {
            return kind == Subscription.OwnerKind.PARTNER;
        }
    }

    private final Caller caller;

    SubscriptionOwners(Caller caller) {
        this.caller = caller;
    }

    Owner current() {
        if (caller.isPartner()) {
            String partnerId = caller.partnerId();
            Partner partner = partnerId == null ? null : Partner.findById(partnerId);
            if (partner == null) {
                throw new ProblemException(403, "partner-not-registered", "Not allowed",
                        "The token's partner '" + partnerId + "' is not in the partner registry", List.of());
            }
            return new Owner(Subscription.OwnerKind.PARTNER, partner.id, Set.of(partner.orgUnits));
        }
        return new Owner(Subscription.OwnerKind.INTEGRATOR, caller.name(), null);
    }

    /** Whether the caller may act on this org unit: the token's grants and, for a partner, its registry entry's. */
    boolean mayUse(Owner owner, String unitPath) {
        return caller.mayActOn(unitPath)
                && (!owner.isPartner() || SubscriptionScope.within(unitPath, owner.partnerUnits()));
    }

    /** The subscription, when the caller may see it; another partner's is as absent as one that never was. */
    Subscription visible(UUID id) {
        Owner owner = current();
        Subscription subscription = Subscription.findById(id);
        if (subscription == null || (owner.isPartner() && (subscription.ownerKind != Subscription.OwnerKind.PARTNER
                || !subscription.ownerId.equals(owner.id())))) {
            throw ProblemException.notFound("Subscription", id.toString());
        }
        return subscription;
    }

    String callerName() {
        return caller.name();
    }
}
