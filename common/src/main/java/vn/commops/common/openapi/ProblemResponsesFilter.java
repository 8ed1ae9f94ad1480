package vn.commops.common.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import vn.commops.common.problem.Problem;

/**
 * Every error a service answers is a problem document ({@code ProblemMappers}), so every 4xx and 5xx
 * response of the document says so: an endpoint declares an error by its status and description alone,
 * and this adds the {@code application/problem+json} content with the {@link Problem} schema. A
 * response that declares content of its own keeps it.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            if (isError(response.getKey()) && isEmpty(response.getValue().getContent())) {
                response.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        }
        return operation;
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static boolean isEmpty(Content content) {
        return content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty();
    }
}
