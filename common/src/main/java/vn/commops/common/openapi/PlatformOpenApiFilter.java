package vn.commops.common.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The one filter a service registers ({@code mp.openapi.filter}): every document rule of the platform. */
public class PlatformOpenApiFilter implements OASFilter {

    private final ServiceSchemaPrefixFilter schemaNames = new ServiceSchemaPrefixFilter();
    private final RolesAsExtensionFilter roles = new RolesAsExtensionFilter();

    @Override
    public Schema filterSchema(Schema schema) {
        return schemaNames.filterSchema(schema);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        return roles.filterOperation(operation);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        schemaNames.filterOpenAPI(openAPI);
    }
}
