package vn.commops.activity.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Who reports and what they may report on, fixed when the request arrives so that an import job
 * running later applies the same grants. For a partner both the token's grants and the partner
 * registry's grants must cover a unit, and the registry's forms the form.
 *
 * @param tokenUnits    subtree roots of the token's {@code org_units}
 * @param registryUnits the partner registry's subtree roots; null for staff
 * @param forms         forms the partner is granted; null for staff (every form)
 */
public record Reporter(String name, boolean nationalAdmin, boolean manager, String partnerId,
        Set<String> tokenUnits, Set<String> registryUnits, Set<String> forms) {

    @JsonIgnore
    public boolean isPartner() {
        return partnerId != null;
    }

    /** The scope of external ids: a partner's own ids, or an office's ids per unit. */
    public String scopeFor(String orgUnitCode) {
        return isPartner() ? "partner:" + partnerId : "unit:" + orgUnitCode;
    }

    public boolean mayActOn(String unitPath) {
        if (nationalAdmin) {
            return true;
        }
        if (unitPath == null) {
            return false;
        }
        List<String> lineage = Arrays.stream(unitPath.split("/")).filter(code -> !code.isEmpty()).toList();
        boolean byToken = tokenUnits.stream().anyMatch(lineage::contains);
        return byToken && (registryUnits == null || registryUnits.stream().anyMatch(lineage::contains));
    }

    public boolean mayReport(String form) {
        return forms == null || form == null || forms.contains(form);
    }
}
