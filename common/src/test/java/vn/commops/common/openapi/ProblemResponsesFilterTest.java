package vn.commops.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

class ProblemResponsesFilterTest {

    @Test
    void errorsWithoutContentBecomeProblemDocumentsAndTheRestAreLeftAlone() {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("The topic"))
                .addAPIResponse("404", OASFactory.createAPIResponse().description("No such topic"))
                .addAPIResponse("503", OASFactory.createAPIResponse().description("Unavailable"))
                .addAPIResponse("409", OASFactory.createAPIResponse().description("Conflict").content(
                        OASFactory.createContent().addMediaType("text/csv", OASFactory.createMediaType()))));

        new ProblemResponsesFilter().filterOperation(operation);

        var responses = operation.getResponses().getAPIResponses();
        assertNull(responses.get("200").getContent());
        for (String status : new String[] {"404", "503"}) {
            assertEquals(ProblemResponsesFilter.PROBLEM_REF, responses.get(status).getContent().getMediaTypes()
                    .get("application/problem+json").getSchema().getRef(), status);
        }
        assertEquals(java.util.Set.of("text/csv"), responses.get("409").getContent().getMediaTypes().keySet());
    }
}
