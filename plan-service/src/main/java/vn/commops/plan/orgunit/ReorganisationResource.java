package vn.commops.plan.orgunit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
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

@Path("/api/v1/org-units/reorganisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Org units")
public class ReorganisationResource {

    private final Reorganisations reorganisations;
    private final Exports exports;

    ReorganisationResource(Reorganisations reorganisations, Exports exports) {
        this.reorganisations = reorganisations;
        this.exports = exports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List reorganisations", description = "Every change of the hierarchy, soonest effective "
            + "first; status=PENDING lists what is scheduled and has not yet taken effect. JSON pages; or every "
            + "matching change as one streamed CSV or XLSX file (format=csv|xlsx, or Accept), same filters and order, "
            + "no paging, the request as JSON text in one cell.")
    @APIResponse(responseCode = "200", description = "One page of reorganisations, or all of them as a file",
            content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReorganisationPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid paging, status or format")
    @APIResponse(responseCode = "404", description = "The unit asked for does not exist")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds")
    public Response list(
            @QueryParam("status") @Parameter(description = "PENDING, APPLIED, CANCELLED or FAILED", example = "PENDING")
            ReorganisationRecord.Status status,
            @QueryParam("unit") @Parameter(description = "Only those touching this unit", example = "YB") String unit,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), ReorganisationExport.FILE_NAME, ReorganisationExport.COLUMNS,
                    reorganisations.query(unit, status));
        }
        return Response.ok(reorganisations.list(unit, status, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "OrgUnitReorganisationPage", description = "One page of reorganisations")
    public record ReorganisationPage(List<ReorganisationView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "3") long totalItems) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a reorganisation", description = "The change, its effective date and status.")
    @APIResponse(responseCode = "200", description = "The reorganisation",
            content = @Content(schema = @Schema(implementation = ReorganisationView.class)))
    @APIResponse(responseCode = "404", description = "No such reorganisation")
    public ReorganisationView get(@PathParam("id") @Parameter(example = "42") Long id) {
        return reorganisations.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Cancel a scheduled reorganisation", description = "Calls off a change before its "
            + "effective date; who may make the change may cancel it. Nothing of it had taken effect.")
    @APIResponse(responseCode = "200", description = "The cancelled reorganisation",
            content = @Content(schema = @Schema(implementation = ReorganisationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid reason")
    @APIResponse(responseCode = "403", description = "A unit's parent is not among your grants")
    @APIResponse(responseCode = "404", description = "No such reorganisation")
    @APIResponse(responseCode = "409", description = "Not pending, or its effective date has come")
    public ReorganisationView cancel(@PathParam("id") @Parameter(example = "42") Long id,
            @Valid Reorganisation.Cancel request) {
        return reorganisations.cancel(id, request);
    }
}
