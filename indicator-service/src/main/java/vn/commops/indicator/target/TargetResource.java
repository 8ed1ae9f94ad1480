package vn.commops.indicator.target;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.UriInfo;
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
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;

@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "Targets per indicator, unit and period, versioned by effective date and "
        + "cascaded down the hierarchy")
public class TargetResource {

    private final TargetService service;
    private final TargetCascade cascades;
    private final TargetCopy copies;
    private final Caller caller;
    private final Exports exports;

    TargetResource(TargetService service, TargetCascade cascades, TargetCopy copies, Caller caller,
            Exports exports) {
        this.service = service;
        this.cascades = cascades;
        this.copies = copies;
        this.caller = caller;
        this.exports = exports;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Set a target",
            description = "Adds a version of the target of an indicator for a unit and period, in force from "
                    + "effectiveFrom (today when absent). The same target again answers 200 with the version it made; "
                    + "another value on the same effective date conflicts. A unit's target is set by the managers of "
                    + "its parent unit (a national admin sets any). For counted (SUM) indicators the targets of a "
                    + "unit's direct children may not add up to more than the unit's, on any day: a child that would "
                    + "exceed its parent, and a parent lowered below its children, are refused with 422.")
    @APIResponse(responseCode = "201", description = "A new version",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "200", description = "This version existed already",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or period")
    @APIResponse(responseCode = "403", description = "The unit's parent is outside the caller's grants (a unit manager "
            + "cannot set their own unit's target)")
    @APIResponse(responseCode = "409", description = "Another value takes effect on that date already")
    @APIResponse(responseCode = "422", description = "Unknown indicator or org unit, or the children's targets would "
            + "add up to more than their parent's (type target-exceeds-parent, field value, the figures in the message)")
    public Response set(@Valid @NotNull TargetRequest request, UriInfo uriInfo) {
        TargetWriter.Saved saved = service.set(request, caller);
        return (saved.created()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(saved.target().id().toString()).build())
                : Response.ok()).entity(saved.target()).build();
    }

    @POST
    @Path("/{id}/cascade")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Cascade a target down the hierarchy and over its period's parts",
            description = "Shares the target out: with splitPeriodInto, first over the parts of its period (a year "
                    + "into quarters or months, a quarter into months); then, for the period and each part, down "
                    + "the hierarchy levels deep. EVEN shares equally, LAST_YEAR in proportion to the actual values "
                    + "of the same days a year earlier (refused with 422 when a family had none), BY_HAND takes the "
                    + "figures in children. Shares are rounded by largest remainder so each family adds up to its "
                    + "parent exactly. All targets are written in one transaction, each under the same rules as "
                    + "POST /api/v1/targets; one refusal refuses the whole cascade.")
    @APIResponse(responseCode = "201", description = "The targets made, in order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request, a unit named twice, figures for a rule")
    @APIResponse(responseCode = "403", description = "The unit is outside the caller's grants, or a share's parent is")
    @APIResponse(responseCode = "404", description = "No such target")
    @APIResponse(responseCode = "409", description = "A unit has another value on that date already")
    @APIResponse(responseCode = "422", description = "A unit is not below the target's, a period is not a part of "
            + "its period, children would exceed their parent (target-exceeds-parent), no actual values last year, "
            + "or a rule for an indicator that is not counted")
    public Response cascade(@PathParam("id") @Parameter(example = "5d8e1a3c-7b9f-4e2d-8c46-1a0f9b3e6c72") UUID id,
            @Valid @NotNull CascadeRequest request) {
        List<TargetView> made = cascades.cascade(id, request, caller);
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @POST
    @Path("/copy")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Copy a subtree's targets to another period",
            description = "Copies every target of the subtree in fromPeriod and in its quarters and months (the "
                    + "version in force at its end) to the period of the same kind as many months later, in force "
                    + "from effectiveFrom. A unit closed by then hands its counted targets to its successor (mapped); "
                    + "targets that cannot be copied, or whose unit has one in the new period already, are listed "
                    + "with the reason (dropped). A plan clone points here for its period.")
    @APIResponse(responseCode = "200", description = "What was copied, mapped and dropped",
            content = @Content(schema = @Schema(implementation = TargetCopy.Result.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or period")
    @APIResponse(responseCode = "403", description = "The subtree, or a copied unit's parent, is outside the caller's grants")
    @APIResponse(responseCode = "422", description = "Periods of different kinds, an unknown unit, or copies that "
            + "would exceed a parent's target in the new period")
    public TargetCopy.Result copy(@Valid @NotNull TargetCopy.Request request) {
        return copies.copy(request, caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a target version", description = "One version of a target by its id.")
    @APIResponse(responseCode = "200", description = "The target",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "404", description = "No such target")
    public TargetView get(@PathParam("id") @Parameter(example = "5d8e1a3c-7b9f-4e2d-8c46-1a0f9b3e6c72") UUID id) {
        return service.get(id);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List targets", description = "Every version, by indicator, unit, period and version. JSON "
            + "pages; or every matching version as one streamed CSV or XLSX file (format=csv|xlsx, or Accept), same "
            + "filters and order, no paging.")
    @APIResponse(responseCode = "200", description = "One page of targets, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid paging or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds (1,048,575)")
    public Response list(
            @QueryParam("indicator") @Parameter(example = "NEW_HI_PARTICIPANTS") String indicator,
            @QueryParam("orgUnit") @Parameter(example = "LC") String orgUnit,
            @QueryParam("period") @Parameter(example = "202405") String period,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), TargetExport.FILE_NAME, TargetExport.COLUMNS,
                    () -> service.query(indicator, orgUnit, period));
        }
        return Response.ok(service.list(indicator, orgUnit, period, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "TargetPage", description = "One page of target versions")
    public record TargetPage(List<TargetView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "24") long totalItems) {
    }
}
