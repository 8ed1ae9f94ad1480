package vn.commops.common.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * Who is calling and on which org units they may act. The token's {@code org_units} claim names
 * subtree roots: a grant of {@code LC} covers Lao Cai and every unit below it.
 */
@RequestScoped
public class Caller {

    public static final String ORG_UNITS_CLAIM = "org_units";
    public static final String PARTNER_CLAIM = "partner_id";

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    public String name() {
        return token.getName();
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }

    public boolean isNationalAdmin() {
        return hasRole(Roles.NATIONAL_ADMIN);
    }

    public boolean isPartner() {
        return hasRole(Roles.PARTNER);
    }

    public String partnerId() {
        return token.getClaim(PARTNER_CLAIM);
    }

    public Set<String> grantedUnits() {
        Object claim = token.getClaim(ORG_UNITS_CLAIM);
        if (claim instanceof Collection<?> codes) {
            return codes.stream().map(Caller::text).collect(Collectors.toSet());
        }
        return Set.of();
    }

    /** Whether the unit at this path ({@code /VN/LC/LC-HOPHAI/}) lies in one of the caller's granted subtrees. */
    public boolean mayActOn(String unitPath) {
        if (isNationalAdmin()) {
            return true;
        }
        if (unitPath == null) {
            return false;
        }
        List<String> lineage = Arrays.stream(unitPath.split("/")).filter(code -> !code.isEmpty()).toList();
        return grantedUnits().stream().anyMatch(lineage::contains);
    }

    /** Refuses with 403 naming the field when the unit lies outside the caller's grants. */
    public void requireUnit(String unitCode, String unitPath, String field) {
        if (!mayActOn(unitPath)) {
            throw ProblemException.withArgs(403, "org-unit-not-granted", "Not allowed on this org unit",
                    "You may not act on org unit '" + unitCode + "'",
                    List.of(new Problem.FieldError(field, "not among your granted org units")), unitCode);
        }
    }

    private static String text(Object value) {
        String raw = value.toString();
        // jakarta.json string values print with their quotes
        return raw.length() > 1 && raw.startsWith("\"") && raw.endsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
    }
}
