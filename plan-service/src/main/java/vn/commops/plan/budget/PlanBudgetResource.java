package vn.commops.plan.budget;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;
import vn.commops.plan.assignment.Counting;

@Path("/api/v1/plans/{id}/budget")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Master, annual, periodic and campaign plans of the org units")
public class PlanBudgetResource {

    private final Budgets budgets;

    PlanBudgetResource(Budgets budgets) {
        this.budgets = budgets;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Budget versus actual of a plan",
            description = "Allocated: its campaigns' budget lines plus the budgets of its top-level assignments outside any "
            + "campaign; assigned: what its open top-level assignments hold; spent: the reported cost of the "
            + "activities that count, reported against its assignments and their shares; remaining: allocated minus "
            + "spent.")
    @APIResponse(responseCode = "200", description = "Allocated, assigned, spent and remaining",
            content = @Content(schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "400", description = "count is neither all nor verified")
    @APIResponse(responseCode = "404", description = "No such plan")
    public BudgetView ofPlan(@PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id,
            @QueryParam("count") @Parameter(description = Counting.DESCRIPTION, example = "verified",
                    schema = @Schema(enumeration = {"all", "verified"})) String count) {
        return budgets.ofPlan(id, Counting.parse(count));
    }
}
