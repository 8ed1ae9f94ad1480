package vn.commops.indicator.rollup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

@Path("/api/v1/indicators/recompute")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
public class RecomputeResource {

    private final Recompute recompute;

    RecomputeResource(Recompute recompute) {
        this.recompute = recompute;
    }

    @POST
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Recompute every live value",
            description = "Rebuilds the rolled-up day totals from the last-applied revision of every activity. The "
                    + "result equals the live values; use it after a repair. Safe to repeat.")
    @APIResponse(responseCode = "200", description = "Rebuilt",
            content = @Content(schema = @Schema(implementation = RecomputeReport.class)))
    @APIResponse(responseCode = "403", description = "Only national administrators may recompute")
    public RecomputeReport recompute() {
        return recompute.run();
    }
}
