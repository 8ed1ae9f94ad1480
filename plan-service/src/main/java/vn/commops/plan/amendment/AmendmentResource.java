package vn.commops.plan.amendment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import vn.commops.common.api.IfMatch;
import vn.commops.common.security.Roles;

@Path("/api/v1/plans/{id}/amendments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Master, annual, periodic and campaign plans of the org units")
public class AmendmentResource {

    private final PlanAudit audit;

    AmendmentResource(PlanAudit audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "A decided plan's amendments", description = "Changes of amounts (campaign budget lines; "
            + "assignment quantity, budget, targets) made after the plan was approved, oldest first: PENDING ones wait "
            + "for the plan's decider, the live values staying as approved until then.")
    @APIResponse(responseCode = "200", description = "The amendments",
            content = @Content(schema = @Schema(implementation = AmendmentView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Unknown status")
    @APIResponse(responseCode = "404", description = "No such plan")
    public List<AmendmentView> list(
            @PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id,
            @QueryParam("status") @Parameter(description = "Only amendments in this status", example = "PENDING")
            AmendmentStatus status) {
        return audit.amendments(id, status);
    }

    @GET
    @Path("/{amendmentId}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "One amendment of a decided plan", description = "Its ETag is the version a decision may "
            + "name in If-Match.")
    @APIResponse(responseCode = "200", description = "The amendment",
            content = @Content(schema = @Schema(implementation = AmendmentView.class)))
    @APIResponse(responseCode = "404", description = "No such plan or amendment")
    public Response get(@PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id,
            @PathParam("amendmentId") @Parameter(example = "5c9e2a71-3d4b-4f8a-b6e0-1a7d3c9f2b64") UUID amendmentId) {
        AmendmentView amendment = audit.amendment(id, amendmentId);
        return Response.ok(amendment).tag(IfMatch.etag(amendment.version())).build();
    }

    @POST
    @Path("/{amendmentId}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Approve or return an amendment", description = "By a decider of the plan, as for the plan's "
            + "own approval (a manager of the owner's parent unit; a root unit's plan: a national admin). APPROVE "
            + "applies the held amounts (checked again against the cascade limits); RETURN, with a reason, drops them. "
            + "If-Match is optional; when sent, a stale one gets 412.")
    @APIResponse(responseCode = "200", description = "The amendment as decided, with its new ETag",
            content = @Content(schema = @Schema(implementation = AmendmentView.class)))
    @APIResponse(responseCode = "400", description = "Unknown action, a return without reason, or amounts that no "
            + "longer fit the cascade")
    @APIResponse(responseCode = "403", description = "Not a decider of this plan")
    @APIResponse(responseCode = "404", description = "No such plan or amendment")
    @APIResponse(responseCode = "409", description = "Stale: already decided, the plan no longer approved or active, "
            + "or the amounts changed since it was proposed")
    @APIResponse(responseCode = "412", description = "The amendment changed since the ETag was read")
    public Response decide(@PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id,
            @PathParam("amendmentId") @Parameter(example = "5c9e2a71-3d4b-4f8a-b6e0-1a7d3c9f2b64") UUID amendmentId,
            @HeaderParam("If-Match") @Parameter(description = "The ETag the decision is based on", example = "\"0\"")
            String ifMatch,
            @Valid @NotNull AmendmentView.Decision decision) {
        AmendmentView decided = audit.decide(id, amendmentId, IfMatch.optional(ifMatch), decision);
        return Response.ok(decided).tag(IfMatch.etag(decided.version())).build();
    }
}
