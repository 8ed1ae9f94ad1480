package vn.commops.activity.activity;

import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.commops.activity.partner.Partner;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;

/** The reporter behind the current request; a partner comes from its token and our registry, never the body. */
@RequestScoped
public class Reporters {

    private final Caller caller;

    Reporters(Caller caller) {
        this.caller = caller;
    }

    public Reporter current() {
        if (caller.isPartner()) {
            String partnerId = caller.partnerId();
            Partner partner = partnerId == null ? null : Partner.findById(partnerId);
            if (partner == null) {
                throw new ProblemException(403, "partner-not-registered", "Not allowed",
                        "The token's partner '" + partnerId + "' is not in the partner registry", List.of());
            }
            Set<String> forms = Set.of(partner.forms);
            return new Reporter(caller.name(), false, false, partner.id, caller.grantedUnits(),
                    Set.of(partner.orgUnits), forms);
        }
        return new Reporter(caller.name(), caller.isNationalAdmin(), caller.hasRole(Roles.UNIT_MANAGER), null,
                caller.grantedUnits(), null, null);
    }
}
