package vn.commops.common.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** The one filter a service registers ({@code mp.openapi.filter}): every document rule of the platform. */
public class PlatformOpenApiFilter implements OASFilter {

    private final ServiceSchemaPrefixFilter schemaNames = new ServiceSchemaPrefixFilter();
    private final RolesAsExtensionFilter roles = new RolesAsExtensionFilter();
    private final TextPatternFilter text = new TextPatternFilter();
    private final ProblemResponsesFilter problems = new ProblemResponsesFilter();

    @Override
    public Schema filterSchema(Schema schema) {
        return text.filterSchema(schemaNames.filterSchema(schema));
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        return text.filterParameter(parameter);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        return problems.filterOperation(roles.filterOperation(operation));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        schemaNames.filterOpenAPI(openAPI);
    }
}
