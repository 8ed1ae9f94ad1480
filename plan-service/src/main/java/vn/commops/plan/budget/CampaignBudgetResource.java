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

@Path("/api/v1/campaigns/{id}/budget")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Campaigns of a plan: theme, key messages, target groups, forms of "
        + "communication with their windows, budget; and the calendar of what runs where")
public class CampaignBudgetResource {

    private final Budgets budgets;

    CampaignBudgetResource(Budgets budgets) {
        this.budgets = budgets;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Budget versus actual of a campaign",
            description = "Allocated: the total of its budget lines; assigned: what its open top-level assignments hold (never "
            + "more than the lines); spent: the reported cost of the activities that count, reported against its "
            + "assignments and their shares; remaining: allocated minus spent. Activities without a reported cost "
            + "are left out of spent and counted in uncostedActivities.")
    @APIResponse(responseCode = "200", description = "Allocated, assigned, spent and remaining",
            content = @Content(schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "400", description = "count is neither all nor verified")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public BudgetView ofCampaign(@PathParam("id") @Parameter(example = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21") UUID id,
            @QueryParam("count") @Parameter(description = Counting.DESCRIPTION, example = "verified",
                    schema = @Schema(enumeration = {"all", "verified"})) String count) {
        return budgets.ofCampaign(id, Counting.parse(count));
    }
}
