package vn.commops.crisis.crisiscase;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

@Path("/api/v1/crisis-cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Crisis cases")
public class CaseResponseResource {

    private final CaseResponseService service;

    CaseResponseResource(CaseResponseService service) {
        this.service = service;
    }

    @POST
    @Path("/links")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Link feedback and clusters to a case", description = "Adds feedback items and near-duplicate "
            + "clusters to the case; those already linked stay as they are.")
    @APIResponse(responseCode = "200", description = "The case with its links",
            content = @Content(schema = @Schema(implementation = CaseViews.Case.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "The case is closed")
    @APIResponse(responseCode = "422", description = "Unknown feedback or cluster")
    public CaseViews.Case link(
            @PathParam("id") @Parameter(description = "The case's id",
                    example = "8e2b6f14-3c7a-4d91-b5e0-6a1f2c3d4e5f") UUID id,
            @Valid @NotNull CaseRequests.Links request) {
        return service.link(id, request);
    }

    @POST
    @Path("/actions")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Plan a response action", description = "A statement, refutation, hotline script, dialogue "
            + "or press briefing, due by a time.")
    @APIResponse(responseCode = "201", description = "Planned",
            content = @Content(schema = @Schema(implementation = CaseViews.Action.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "The case is closed")
    public Response addAction(
            @PathParam("id") @Parameter(description = "The case's id",
                    example = "8e2b6f14-3c7a-4d91-b5e0-6a1f2c3d4e5f") UUID id,
            @Valid @NotNull CaseRequests.Action request) {
        return Response.status(Response.Status.CREATED).entity(service.addAction(id, request)).build();
    }

    @POST
    @Path("/actions/{actionId}/completion")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Mark a response action done", description = "Records when and by whom it was done, and its "
            + "outcome. The first action done is the case's first response.")
    @APIResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CaseViews.Action.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such case or action")
    @APIResponse(responseCode = "409", description = "Already done")
    public CaseViews.Action complete(
            @PathParam("id") @Parameter(description = "The case's id",
                    example = "8e2b6f14-3c7a-4d91-b5e0-6a1f2c3d4e5f") UUID id,
            @PathParam("actionId") @Parameter(description = "The response action's id",
                    example = "9f1e2d3c-4b5a-4697-8a8b-7c6d5e4f3a2b") UUID actionId,
            @Valid @NotNull CaseRequests.Completion request) {
        return service.complete(id, actionId, request);
    }
}
