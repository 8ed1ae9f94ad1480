package vn.commops.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode gateway = fixture("gateway");
    private final ObjectNode plan = fixture("plan");
    private final ObjectNode activity = fixture("activity");

    private OpenApiMerger.Merged mergeAll() {
        return new OpenApiMerger().merge(gateway, List.of(
                new OpenApiMerger.Contribution("plan", plan), new OpenApiMerger.Contribution("activity", activity)));
    }

    @Test
    void pathsOfTheGatewayAndEveryServiceAreUnited() {
        JsonNode paths = mergeAll().document().path("paths");

        assertEquals(List.of("/openapi", "/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/activities"), names(paths));
    }

    @Test
    void theSharedProblemSchemasAppearOnceAndAreNoClash() {
        OpenApiMerger.Merged merged = mergeAll();
        JsonNode schemas = merged.document().path("components").path("schemas");

        assertEquals(List.of("Problem", "ProblemFieldError", "PlanPlan", "Period", "ActivityRecord"), names(schemas));
        assertEquals(plan.at("/components/schemas/Problem"), schemas.path("Problem"));
        assertTrue(merged.conflicts().stream().noneMatch(conflict -> conflict.contains("Problem")),
                merged.conflicts().toString());
    }

    @Test
    void aDifferentSchemaUnderATakenNameKeepsTheFirstAndIsReported() {
        OpenApiMerger.Merged merged = mergeAll();

        assertEquals("date", merged.document().at("/components/schemas/Period/properties/from/format").asText());
        assertTrue(merged.conflicts().contains(
                "components.schemas.Period from activity differs from the one already merged; the first is kept"),
                merged.conflicts().toString());
    }

    @Test
    void tagsAreDeduplicatedByNameKeepingTheFirstDescription() {
        JsonNode tags = mergeAll().document().path("tags");

        List<String> tagNames = new ArrayList<>();
        tags.forEach(tag -> tagNames.add(tag.path("name").asText()));
        assertEquals(List.of("API description", "Plans", "Org units", "Activities"), tagNames);
        assertEquals("The agency's hierarchy of units", tags.get(2).path("description").asText());
    }

    @Test
    void identicalSecuritySchemesAreMergedOnce() {
        JsonNode schemes = mergeAll().document().path("components").path("securitySchemes");

        assertEquals(List.of("staff"), names(schemes));
    }

    @Test
    void aMissingServiceIsLeftOutWithoutFailingTheMerge() {
        OpenApiMerger.Merged merged = new OpenApiMerger().merge(gateway,
                List.of(new OpenApiMerger.Contribution("plan", plan)));

        assertEquals(List.of("/openapi", "/api/v1/plans", "/api/v1/plans/{id}"), names(merged.document().path("paths")));
        assertTrue(merged.conflicts().isEmpty(), merged.conflicts().toString());
    }

    @Test
    void theGatewayAloneMergesToItself() {
        OpenApiMerger.Merged merged = new OpenApiMerger().merge(gateway, List.of());

        assertEquals(gateway, merged.document());
    }

    @Test
    void theGatewayKeepsItsOwnInfoVersionAndServers() {
        ObjectNode document = mergeAll().document();

        assertEquals("3.1.0", document.path("openapi").asText());
        assertEquals("Communication operations platform API", document.at("/info/title").asText());
        assertEquals("1.0", document.at("/info/version").asText());
        assertFalse(document.has("servers"), "the services' servers are not the gateway's");
    }

    @Test
    void aTakenOperationIdIsRenamedAfterItsService() {
        OpenApiMerger.Merged merged = mergeAll();

        assertEquals("PlanResource_list", merged.document().at("/paths/~1api~1v1~1plans/get/operationId").asText());
        assertEquals("activity_PlanResource_list",
                merged.document().at("/paths/~1api~1v1~1activities/post/operationId").asText());
    }

    @Test
    void aServiceWideSecurityRequirementStaysOnThatServicesOperations() {
        ObjectNode document = mergeAll().document();

        assertFalse(document.has("security"));
        assertEquals("[{\"staff\":[]}]", document.at("/paths/~1api~1v1~1plans/get/security").toString());
        assertEquals("[]", document.at("/paths/~1api~1v1~1plans~1{id}/get/security").toString(),
                "an operation's own requirement wins");
        assertTrue(document.at("/paths/~1api~1v1~1activities/post/security").isMissingNode());
        assertTrue(document.at("/paths/~1openapi/get/security").isMissingNode());
    }

    @Test
    void theInputsAreLeftUntouched() {
        ObjectNode before = plan.deepCopy();

        mergeAll();

        assertEquals(before, plan);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectNode fixture(String name) {
        try (InputStream in = OpenApiMergerTest.class.getResourceAsStream("/openapi/merge/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
