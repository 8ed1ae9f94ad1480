package vn.commops.crisis.signal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.security.Roles;

@Path("/api/v1/signals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Early warning", description = "Unusual rises of feedback per topic and place, and volume forecasts")
public class SignalResource {

    private final SignalService service;

    SignalResource(SignalService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List crisis signals", description = "Newest first (or sort by -score); filter by topic, "
            + "org unit (its whole subtree) and raised since.")
    @APIResponse(responseCode = "200", description = "One page of signals")
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or sort")
    public PageOf<SignalView> list(
            @QueryParam("topic") @Parameter(example = "FALSE_INFORMATION") String topic,
            @QueryParam("orgUnit") @Parameter(description = "The unit and every unit below it", example = "LC")
            String orgUnit,
            @QueryParam("since") @Parameter(description = "Raised at or after", example = "2025-03-12T00:00:00+07:00")
            OffsetDateTime since,
            @Valid @BeanParam PageRequest paging) {
        return service.list(topic, orgUnit, since, paging);
    }

    @GET
    @Path("/forecast")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Forecast feedback volume", description = "Expected volume of a topic in a unit's subtree "
            + "for the coming windows (hours by default), from the series' weekly seasonality and its recent level, "
            + "with a usual range.")
    @APIResponse(responseCode = "200", description = "The forecast",
            content = @Content(schema = @Schema(implementation = ForecastView.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter")
    @APIResponse(responseCode = "422", description = "Unknown topic or org unit")
    public ForecastView forecast(
            @QueryParam("topic") @NotBlank @Parameter(required = true, example = "ONE_TIME_WITHDRAWAL") String topic,
            @QueryParam("orgUnit") @NotBlank @Parameter(required = true, example = "LC") String orgUnit,
            @QueryParam("windows") @DefaultValue("24") @Min(1) @Max(168)
            @Parameter(description = "How many windows ahead", example = "24") int windows) {
        return service.forecast(topic, orgUnit, windows);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a crisis signal", description = "The signal with its explanation.")
    @APIResponse(responseCode = "200", description = "The signal",
            content = @Content(schema = @Schema(implementation = SignalView.class)))
    @APIResponse(responseCode = "404", description = "No such signal")
    public SignalView get(
            @PathParam("id") @Parameter(description = "The signal's id",
                    example = "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f") UUID id) {
        return service.get(id);
    }
}
