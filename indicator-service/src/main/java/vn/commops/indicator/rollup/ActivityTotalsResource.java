package vn.commops.indicator.rollup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;
import vn.commops.indicator.value.Hierarchy;

@Path("/api/v1/indicators/activity-totals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "Live values computed from activity events and rolled up the hierarchy")
public class ActivityTotalsResource {

    private final ActivityTotalsService service;

    ActivityTotalsResource(ActivityTotalsService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Activity totals of a unit's subtree in a period",
            description = "Counts the activities and sums the attendance of the unit and every unit below it. "
                    + "Values move as soon as an activity event is consumed.")
    @APIResponse(responseCode = "200", description = "The totals",
            content = @Content(schema = @Schema(implementation = ActivityTotalsView.class)))
    @APIResponse(responseCode = "400", description = "Missing or malformed unit or period")
    @APIResponse(responseCode = "404", description = "No such org unit")
    public ActivityTotalsView totals(
            @QueryParam("orgUnit") @NotBlank @Parameter(required = true, example = "LC") String orgUnit,
            @QueryParam("period") @NotBlank
            @Parameter(required = true, description = "2024, 2024Q2, 202405, 2024W20 or 20240513", example = "202405")
            String period,
            @QueryParam("hierarchy") @Parameter(description = Hierarchy.DESCRIPTION, example = "as-was",
                    schema = @Schema(enumeration = {"current", "as-was"})) String hierarchy) {
        return service.totals(orgUnit, period, Hierarchy.parse(hierarchy));
    }
}
