package vn.commops.plan.orgunit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

@Path("/api/v1/org-levels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Org levels", description = "The levels of the hierarchy (national, province, commune…), kept as data")
public class OrgLevelResource {

    private final OrgLevelService service;

    OrgLevelResource(OrgLevelService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List org levels", description = "Every level, from the root level down by rank.")
    @APIResponse(responseCode = "200", description = "The levels")
    public List<OrgLevelService.OrgLevelView> list() {
        return service.list();
    }

    @POST
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Add an org level", description = "Adds a level at an unused rank; units of it sit below "
            + "units of lower rank.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = OrgLevelService.OrgLevelView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "409", description = "The code or rank is taken")
    public Response create(@Valid @NotNull OrgLevelService.OrgLevelRequest request, UriInfo uriInfo) {
        OrgLevelService.OrgLevelView created = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }
}
