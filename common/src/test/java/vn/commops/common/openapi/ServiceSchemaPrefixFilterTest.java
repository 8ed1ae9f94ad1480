package vn.commops.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class ServiceSchemaPrefixFilterTest {

    private final ServiceSchemaPrefixFilter filter = new ServiceSchemaPrefixFilter("Activity");

    @Test
    void servicesOwnSchemasAreRenamedAndReferencesFollow() {
        OpenAPI openAPI = OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("RecordRequest", OASFactory.createSchema())
                .addSchema("Problem", OASFactory.createSchema()));
        Schema reference = OASFactory.createSchema().ref("#/components/schemas/RecordRequest");

        filter.filterSchema(reference);
        filter.filterOpenAPI(openAPI);

        assertEquals("#/components/schemas/ActivityRecordRequest", reference.getRef());
        assertEquals(Set.of("ActivityRecordRequest", "Problem"),
                openAPI.getComponents().getSchemas().keySet());
    }

    @Test
    void twoSchemasThatWouldShareANameOncePrefixedFailTheBuild() {
        // An enum "Change" and a record named "ActivityChange" both end up as ActivityChange.
        OpenAPI openAPI = OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("ActivityChange", OASFactory.createSchema())
                .addSchema("Change", OASFactory.createSchema()));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> filter.filterOpenAPI(openAPI));
        assertTrue(refused.getMessage().contains("ActivityChange"), refused.getMessage());
    }

    @Test
    void sharedContractsAndAlreadyPrefixedNamesKeepTheirNames() {
        assertEquals("ProblemFieldError", filter.prefixed("ProblemFieldError"));
        assertEquals("ActivityForm", filter.prefixed("ActivityForm"));
    }
}
