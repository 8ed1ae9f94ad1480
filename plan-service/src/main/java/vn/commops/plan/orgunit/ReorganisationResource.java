package vn.commops.plan.orgunit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.security.Roles;

@Path("/api/v1/org-units/reorganisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Org units")
public class ReorganisationResource {

    private final Reorganisations reorganisations;

    ReorganisationResource(Reorganisations reorganisations) {
        this.reorganisations = reorganisations;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List reorganisations", description = "Every change of the hierarchy, soonest effective "
            + "first; status=PENDING lists what is scheduled and has not yet taken effect.")
    @APIResponse(responseCode = "200", description = "One page of reorganisations")
    @APIResponse(responseCode = "400", description = "Invalid paging or status")
    @APIResponse(responseCode = "404", description = "The unit asked for does not exist")
    public PageOf<ReorganisationView> list(
            @QueryParam("status") @Parameter(description = "PENDING, APPLIED, CANCELLED or FAILED", example = "PENDING")
            ReorganisationRecord.Status status,
            @QueryParam("unit") @Parameter(description = "Only those touching this unit", example = "YB") String unit,
            @Valid @BeanParam PageRequest paging) {
        return reorganisations.list(unit, status, paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a reorganisation", description = "The change, its effective date and status.")
    @APIResponse(responseCode = "200", description = "The reorganisation",
            content = @Content(schema = @Schema(implementation = ReorganisationView.class)))
    @APIResponse(responseCode = "404", description = "No such reorganisation")
    public ReorganisationView get(@PathParam("id") @Parameter(example = "42") Long id) {
        return reorganisations.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Cancel a scheduled reorganisation", description = "Calls off a change before its "
            + "effective date; who may make the change may cancel it. Nothing of it had taken effect.")
    @APIResponse(responseCode = "200", description = "The cancelled reorganisation",
            content = @Content(schema = @Schema(implementation = ReorganisationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid reason")
    @APIResponse(responseCode = "403", description = "A unit's parent is not among your grants")
    @APIResponse(responseCode = "404", description = "No such reorganisation")
    @APIResponse(responseCode = "409", description = "Not pending, or its effective date has come")
    public ReorganisationView cancel(@PathParam("id") @Parameter(example = "42") Long id,
            @Valid Reorganisation.Cancel request) {
        return reorganisations.cancel(id, request);
    }
}
