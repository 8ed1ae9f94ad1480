package vn.commops.indicator.dataelement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

@Path("/api/v1/data-elements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data elements", description = "The quantities indicator formulas are written over: what activities "
        + "carry and statistics reported per unit and period")
public class DataElementResource {

    private final DataElementService service;

    DataElementResource(DataElementService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List data elements", description = "Every data element, activity ones first, by code.")
    @APIResponse(responseCode = "200", description = "The catalogue")
    @APIResponse(responseCode = "400", description = "Unknown kind")
    public List<DataElementView> list(
            @QueryParam("kind") @Parameter(description = "Only this kind", example = "STATISTIC") DataElementKind kind) {
        return service.list(kind);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a data element", description = "One data element by its code.")
    @APIResponse(responseCode = "200", description = "The data element",
            content = @Content(schema = @Schema(implementation = DataElementView.class)))
    @APIResponse(responseCode = "404", description = "No such data element")
    public DataElementView get(@PathParam("code") @Parameter(example = "LABOUR_FORCE") String code) {
        return service.get(code);
    }

    @POST
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Define a reported statistic",
            description = "Adds a statistic that units upload per period (activity elements are fixed by the "
                    + "activity event contract). Sending the same definition again is answered with the existing one.")
    @APIResponse(responseCode = "201", description = "Defined",
            content = @Content(schema = @Schema(implementation = DataElementView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request")
    @APIResponse(responseCode = "409", description = "The code is taken by another definition")
    public Response define(@Valid @NotNull DataElementRequest request, UriInfo uriInfo) {
        DataElementView created = service.defineStatistic(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }
}
