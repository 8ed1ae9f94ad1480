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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageRequest;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.security.Roles;

@Path("/api/v1/signals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Early warning", description = "Unusual rises of feedback per topic and place, and volume forecasts")
public class SignalResource {

    private final SignalService service;
    private final Exports exports;

    SignalResource(SignalService service, Exports exports) {
        this.service = service;
        this.exports = exports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List crisis signals", description = "Newest first (or sort by -score); filter by topic, "
            + "org unit (its whole subtree) and raised since. JSON pages; or every matching signal as one streamed "
            + "CSV or XLSX file (format=csv|xlsx, or Accept), same filters and order, no paging.")
    @APIResponse(responseCode = "200", description = "One page of signals, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignalPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid filter, paging, sort or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds (1,048,575)")
    public Response list(
            @QueryParam("topic") @Parameter(example = "FALSE_INFORMATION") String topic,
            @QueryParam("orgUnit") @Parameter(description = "The unit and every unit below it", example = "LC")
            String orgUnit,
            @QueryParam("since") @Parameter(description = "Raised at or after", example = "2025-03-12T00:00:00+07:00")
            OffsetDateTime since,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), SignalExport.FILE_NAME, SignalExport.COLUMNS,
                    service.query(topic, orgUnit, since, paging.sort));
        }
        return Response.ok(service.list(topic, orgUnit, since, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "CrisisSignalPage", description = "One page of crisis signals")
    public record SignalPage(List<SignalView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "3") long totalItems) {
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
