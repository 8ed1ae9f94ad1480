package vn.commops.crisis.classification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

@Path("/api/v1/feedback/{id}/classification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback")
public class ClassificationOverrideResource {

    private final ClassificationOverride service;

    ClassificationOverrideResource(ClassificationOverride service) {
        this.service = service;
    }

    @PUT
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Classify a feedback item by hand", description = "Sets topic, sentiment and the "
            + "false-information flag, recorded with who and why. Rules and reclassification no longer change it.")
    @APIResponse(responseCode = "200", description = "The item's classification now",
            content = @Content(schema = @Schema(implementation = ClassificationView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "422", description = "Unknown topic")
    public ClassificationView override(
            @PathParam("id") @Parameter(description = "The feedback item's id",
                    example = "2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e") UUID id,
            @Valid @NotNull OverrideRequest request) {
        return service.override(id, request);
    }
}
