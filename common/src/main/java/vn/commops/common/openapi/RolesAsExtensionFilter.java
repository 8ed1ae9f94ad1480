package vn.commops.common.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Quarkus writes an operation's {@code @RolesAllowed} roles into its bearer security requirement.
 * OpenAPI reserves those arrays for OAuth scopes, so linters and client generators misread them:
 * the roles move to {@code x-roles} and the operation's description, the requirement stays bare.
 */
public class RolesAsExtensionFilter implements OASFilter {

    static final String ROLES_EXTENSION = "x-roles";

    @Override
    public Operation filterOperation(Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            return operation;
        }
        TreeSet<String> roles = new TreeSet<>();
        List<SecurityRequirement> bare = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            SecurityRequirement stripped = OASFactory.createSecurityRequirement();
            Map<String, List<String>> schemes = requirement.getSchemes();
            if (schemes != null) {
                schemes.forEach((scheme, scopes) -> {
                    if (scopes != null) {
                        roles.addAll(scopes);
                    }
                    stripped.addScheme(scheme, List.of());
                });
            }
            bare.add(stripped);
        }
        operation.setSecurity(bare);
        if (!roles.isEmpty()) {
            operation.addExtension(ROLES_EXTENSION, List.copyOf(roles));
            String who = "Roles allowed: " + String.join(", ", roles) + ".";
            String description = operation.getDescription();
            operation.setDescription(description == null || description.isBlank() ? who : description + "\n\n" + who);
        }
        return operation;
    }
}
