package vn.commops.crisis.crisiscase;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

@Path("/api/v1/crisis-cases/{id}/post-crisis-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Crisis cases")
public class PostCrisisResource {

    private final PostCrisisService service;

    PostCrisisResource(PostCrisisService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Ask for post-crisis communication", description = "Asks a unit (the case's by default) for "
            + "communication that rebuilds confidence once the crisis is resolved; publishes "
            + "crisis-case.post-crisis-communication-requested, which plan-service turns into an assignment. Only for "
            + "a RESOLVED case or one in POST_CRISIS_REVIEW. The same Idempotency-Key returns the first request.")
    @APIResponse(responseCode = "201", description = "Requested",
            content = @Content(schema = @Schema(implementation = CaseViews.PostCrisis.class)))
    @APIResponse(responseCode = "200", description = "A retry: the request made by the first attempt",
            content = @Content(schema = @Schema(implementation = CaseViews.PostCrisis.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "The case is not resolved")
    @APIResponse(responseCode = "422", description = "Unknown org unit")
    public Response request(
            @PathParam("id") @Parameter(description = "The case's id",
                    example = "8e2b6f14-3c7a-4d91-b5e0-6a1f2c3d4e5f") UUID id,
            @Valid @NotNull CaseRequests.PostCrisis body,
            @HeaderParam("Idempotency-Key") @Size(max = 200)
            @Parameter(description = "Client-chosen key that makes retries safe",
                    example = "lc-post-crisis-2025-03-18-01") String idempotencyKey) {
        PostCrisisService.Requested requested = service.request(id, body, idempotencyKey);
        CaseViews.PostCrisis request = requested.request();
        return Response.status(requested.isNew() ? Response.Status.CREATED : Response.Status.OK).entity(request).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List a case's post-crisis requests", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The requests",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CaseViews.PostCrisis.class)))
    @APIResponse(responseCode = "404", description = "No such case")
    public List<CaseViews.PostCrisis> list(
            @PathParam("id") @Parameter(description = "The case's id",
                    example = "8e2b6f14-3c7a-4d91-b5e0-6a1f2c3d4e5f") UUID id) {
        return service.of(id);
    }
}
