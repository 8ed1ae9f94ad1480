package vn.commops.plan.orgunit;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.problem.Problem;
import vn.commops.common.security.Roles;

@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Org units", description = "The agency's hierarchy of units, whose levels are data")
public class OrgUnitResource {

    private final OrgUnitService service;

    OrgUnitResource(OrgUnitService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Create an org unit", description = "Adds a unit under an existing parent of a higher level.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown parent or level, or a level not below the parent's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull OrgUnitRequest request, UriInfo uriInfo) {
        OrgUnitView created = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get an org unit by code", description = "The unit with its level, parent and path.")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrgUnitView get(@PathParam("code") @Parameter(example = "LC") String code) {
        return service.get(code);
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List org units", description = "Filter by parent, level, subtree or name (diacritics optional).")
    @APIResponse(responseCode = "200", description = "One page of units")
    @APIResponse(responseCode = "400", description = "Invalid paging or sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<OrgUnitView> list(
            @QueryParam("parent") @Parameter(description = "Only direct children of this unit") String parent,
            @QueryParam("level") @Parameter(description = "Only units of this level", example = "PROVINCE") String level,
            @QueryParam("subtreeOf") @Parameter(description = "The unit and everything below it") String subtreeOf,
            @QueryParam("q") @Parameter(description = "Text in the name, with or without diacritics", example = "lao cai")
            String query,
            @Valid @BeanParam PageRequest paging) {
        return service.list(new OrgUnitService.OrgUnitFilter(parent, level, subtreeOf, query), paging);
    }
}
