package vn.commops.plan.amendment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

@Path("/api/v1/plans/{id}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Master, annual, periodic and campaign plans of the org units")
public class PlanAuditResource {

    private final PlanAudit audit;

    PlanAuditResource(PlanAudit audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "What a plan held when approved and what changed after", description = "Oldest first: at each "
            + "approval a snapshot of the plan, each campaign and each assignment (APPROVED); then every change to them: "
            + "applied at once (CREATED, CHANGED), or amounts held and decided (AMENDMENT_PROPOSED, AMENDMENT_APPROVED, "
            + "AMENDMENT_RETURNED), with who, when, the fields changed, before and after. Empty until first approved.")
    @APIResponse(responseCode = "200", description = "The entries",
            content = @Content(schema = @Schema(implementation = AmendmentView.AuditEntry.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public List<AmendmentView.AuditEntry> revisions(
            @PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id) {
        return audit.revisions(id);
    }
}
