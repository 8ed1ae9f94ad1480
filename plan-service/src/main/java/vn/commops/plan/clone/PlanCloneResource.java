package vn.commops.plan.clone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;
import vn.commops.common.api.IfMatch;

@Path("/api/v1/plans/{id}/clone")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Master, annual, periodic and campaign plans of the org units")
public class PlanCloneResource {

    private final PlanCloner cloner;

    PlanCloneResource(PlanCloner cloner) {
        this.cloner = cloner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Clone a plan to another period", description = "Creates a draft copy of the plan with its "
            + "campaigns and assignments (their cascade kept), every date moved along the calendar: by shiftMonths or "
            + "shiftYears (a month's last day stays a month's last day: May 1-31 one month on is June 1-30), by "
            + "shiftDays, or to start on periodStart. Assignments of units that have since closed or merged go to "
            + "their successors (mappedUnits); those that cannot are dropped with the reason (droppedAssignments). "
            + "includeChildPlans clones the plans derived from it, recursively, under the copy; includeTargets "
            + "answers the indicator-service call (POST /api/v1/targets/copy) that copies the targets of the plan's "
            + "period to the copy's. A campaign that implemented a higher campaign keeps the link while their dates "
            + "still overlap.")
    @APIResponse(responseCode = "201", description = "The copy, what came with it, which units were mapped and what "
            + "was dropped",
            content = @Content(schema = @Schema(implementation = PlanCloner.Result.class)))
    @APIResponse(responseCode = "400", description = "Not exactly one of periodStart, shiftMonths, shiftYears and shiftDays")
    @APIResponse(responseCode = "403", description = "The owner unit is not among your grants")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The owner unit has closed")
    @APIResponse(responseCode = "422", description = "No parent for the copy (the original's no longer contains the "
            + "new period or is not approved, and no parentPlanId was given: every plan but a master one needs one), "
            + "a parent given of the wrong type, or a child plan's copy outside its parent's copy")
    public Response cloneOf(@PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id,
            @Valid @NotNull PlanCloner.Request request, UriInfo uriInfo) {
        PlanCloner.Result result = cloner.cloneOf(id, request);
        return Response.created(uriInfo.getBaseUriBuilder().path("/api/v1/plans").path(result.plan().id().toString())
                .build()).tag(IfMatch.etag(result.plan().version())).entity(result).build();
    }
}
