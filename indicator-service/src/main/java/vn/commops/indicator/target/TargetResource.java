package vn.commops.indicator.target;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.problem.Problem;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;

@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "Targets per indicator, unit and period, versioned by effective date and "
        + "cascaded down the hierarchy")
public class TargetResource {

    private final TargetService service;
    private final Caller caller;

    TargetResource(TargetService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Set a target",
            description = "Adds a version of the target of an indicator for a unit and period, in force from "
                    + "effectiveFrom (today when absent). The same target again answers 200 with the version it made; "
                    + "another value on the same effective date conflicts.")
    @APIResponse(responseCode = "201", description = "A new version",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "200", description = "This version existed already",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The unit is outside the caller's grants",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another value takes effect on that date already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown indicator or org unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@Valid @NotNull TargetRequest request, UriInfo uriInfo) {
        TargetService.Saved saved = service.set(request, caller);
        return (saved.created()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(saved.target().id().toString()).build())
                : Response.ok()).entity(saved.target()).build();
    }

    @POST
    @Path("/{id}/cascade")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Cascade a target to the unit's children",
            description = "Sets the targets of direct children of the target's unit for the same indicator and period. "
                    + "For counted indicators (aggregation SUM) the children, with the targets other children already "
                    + "have, may not add up to more than the parent's: the overrun is refused with 400 naming it.")
    @APIResponse(responseCode = "201", description = "The children's targets",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request, or the children exceed the parent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The unit is outside the caller's grants",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A child has another value on that date already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A unit is not a direct child",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cascade(@PathParam("id") @Parameter(example = "5d8e1a3c-7b9f-4e2d-8c46-1a0f9b3e6c72") UUID id,
            @Valid @NotNull CascadeRequest request) {
        List<TargetView> children = service.cascade(id, request, caller);
        return Response.status(Response.Status.CREATED).entity(children).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a target version", description = "One version of a target by its id.")
    @APIResponse(responseCode = "200", description = "The target",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "404", description = "No such target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TargetView get(@PathParam("id") @Parameter(example = "5d8e1a3c-7b9f-4e2d-8c46-1a0f9b3e6c72") UUID id) {
        return service.get(id);
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List targets", description = "Every version, by indicator, unit, period and version.")
    @APIResponse(responseCode = "200", description = "One page of targets")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<TargetView> list(
            @QueryParam("indicator") @Parameter(example = "NEW_HI_PARTICIPANTS") String indicator,
            @QueryParam("orgUnit") @Parameter(example = "LC") String orgUnit,
            @QueryParam("period") @Parameter(example = "202405") String period,
            @Valid @BeanParam PageRequest paging) {
        return service.list(indicator, orgUnit, period, paging);
    }
}
