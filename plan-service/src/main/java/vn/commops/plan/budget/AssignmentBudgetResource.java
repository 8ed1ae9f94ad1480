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

@Path("/api/v1/assignments/{id}/budget")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Tasks handed down the hierarchy, split among lower units, with progress "
        + "from the activities reported against them")
public class AssignmentBudgetResource {

    private final Budgets budgets;

    AssignmentBudgetResource(Budgets budgets) {
        this.budgets = budgets;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Budget versus actual of an assignment",
            description = "Allocated: its budget; assigned: what its open shares hold; spent: the reported cost of the "
            + "activities that count, reported against it and its shares; remaining: allocated minus spent.")
    @APIResponse(responseCode = "200", description = "Allocated, assigned, spent and remaining",
            content = @Content(schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "400", description = "count is neither all nor verified")
    @APIResponse(responseCode = "404", description = "No such assignment")
    public BudgetView ofAssignment(@PathParam("id") @Parameter(example = "c4e8a2f6-1b7d-4a39-8e05-9d2c6b1f3a47") UUID id,
            @QueryParam("count") @Parameter(description = Counting.DESCRIPTION, example = "verified",
                    schema = @Schema(enumeration = {"all", "verified"})) String count) {
        return budgets.ofAssignment(id, Counting.parse(count));
    }
}
