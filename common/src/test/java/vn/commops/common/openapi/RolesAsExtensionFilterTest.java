package vn.commops.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

class RolesAsExtensionFilterTest {

    @Test
    void rolesLeaveTheSecurityRequirementForAnExtensionAndTheDescription() {
        Operation operation = OASFactory.createOperation().description("Records one activity.")
                .addSecurityRequirement(OASFactory.createSecurityRequirement()
                        .addScheme("bearerAuth", List.of("partner", "national-admin")));

        new RolesAsExtensionFilter().filterOperation(operation);

        assertEquals(List.of(), operation.getSecurity().get(0).getScheme("bearerAuth"));
        assertEquals(List.of("national-admin", "partner"), operation.getExtensions().get("x-roles"));
        assertEquals("Records one activity.\n\nRoles allowed: national-admin, partner.", operation.getDescription());
    }
}
