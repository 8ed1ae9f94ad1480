package vn.commops.plan.orgunit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;
import vn.commops.common.sync.ChangeFeed;

@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Org units", description = "The agency's hierarchy of units, whose levels are data")
public class OrgUnitResource {

    private static final String CSV_EXAMPLE = "code,name,levelCode,parentCode,validFrom\n"
            + "LC,Bảo hiểm xã hội tỉnh Lào Cai,PROVINCE,VN,2025-07-01\n"
            + "LC-HOPHAI,Xã Hồ Phai,COMMUNE,LC,2025-07-01\n";

    private static final String SCHEDULED = "Dated after today: nothing changes yet; the change is kept as "
            + "scheduled (see Location) and takes effect on its date";

    private final OrgUnitService service;
    private final Reorganisations reorganisations;
    private final OrgUnitImport importer;
    private final Caller caller;

    private final OrgUnitFeed feed;
    private final Exports exports;

    OrgUnitResource(OrgUnitService service, Reorganisations reorganisations, OrgUnitImport importer, Caller caller,
            OrgUnitFeed feed, Exports exports) {
        this.service = service;
        this.reorganisations = reorganisations;
        this.importer = importer;
        this.caller = caller;
        this.feed = feed;
        this.exports = exports;
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Org units changed since", description = "The delta feed offline clients sync from: units "
            + "written after the cursor (or at or after a date-time), in write order; closed or merged ones come as tombstones naming their successor. Pass nextCursor back as "
            + "updatedSince. A change whose transaction is still running comes on a later call, never skipped.")
    @APIResponse(responseCode = "200", description = "One page of changes and the cursor to continue from",
            content = @Content(schema = @Schema(implementation = OrgUnitFeed.Changes.class)))
    @APIResponse(responseCode = "400", description = "Neither a cursor nor a date-time")
    public OrgUnitFeed.Changes changes(
            @QueryParam("updatedSince") @Parameter(description = ChangeFeed.CURSOR_DESCRIPTION, example = "c7391-1042")
            String updatedSince,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000)
            @Parameter(description = "Changes per page, at most 5000", example = "500") int limit) {
        return feed.since(updatedSince, limit);
    }

    /** 200 with the units after a change that applied, 202 with the change when it waits for its date. */
    private static Response outcome(Reorganisations.Submitted submitted, boolean single, UriInfo uriInfo) {
        if (submitted.scheduled() != null) {
            return Response.accepted(submitted.scheduled()).location(uriInfo.getBaseUriBuilder()
                    .path("/api/v1/org-units/reorganisations/{id}").build(submitted.scheduled().id())).build();
        }
        return Response.ok(single ? submitted.units().get(0) : submitted.units()).build();
    }

    private static final String ACCEPTED = "202";

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Create an org unit", description = "Adds a unit under an existing parent of a higher level.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "409", description = "The code is taken")
    @APIResponse(responseCode = "422", description = "Unknown parent or level, or a level not below the parent's")
    public Response create(@Valid @NotNull OrgUnitRequest request, UriInfo uriInfo) {
        OrgUnitView created = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get an org unit by code", description = "The unit with its level, parent and path; with "
            + "asOf, as it stood on that day (404 if it did not exist then).")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "404", description = "No such unit (on that day)")
    public OrgUnitView get(@PathParam("code") @Parameter(example = "LC") String code,
            @QueryParam("asOf") @Parameter(description = "The day to look at; today's latest state when omitted",
                    example = "2025-06-30") LocalDate asOf) {
        return service.get(code, asOf);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List org units", description = "Filter by parent, level, subtree or name (diacritics "
            + "optional). With asOf: the units that existed on that day, where they hung then. JSON pages; or every "
            + "matching unit as one streamed CSV or XLSX file (format=csv|xlsx, or Accept), same filters and order, "
            + "no paging.")
    @APIResponse(responseCode = "200", description = "One page of units, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrgUnitPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid paging, sort or format")
    @APIResponse(responseCode = "404", description = "The subtree root does not exist (on that day)")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds")
    public Response list(
            @QueryParam("parent") @Parameter(description = "Only direct children of this unit", example = "LC")
            String parent,
            @QueryParam("level") @Parameter(description = "Only units of this level", example = "PROVINCE") String level,
            @QueryParam("subtreeOf") @Parameter(description = "The unit and everything below it", example = "LC")
            String subtreeOf,
            @QueryParam("q") @Parameter(description = "Text in the name, with or without diacritics", example = "lao cai")
            String query,
            @QueryParam("asOf") @Parameter(description = "The day to look at; every unit's latest state when omitted",
                    example = "2025-06-30") LocalDate asOf,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        OrgUnitService.OrgUnitFilter filter = new OrgUnitService.OrgUnitFilter(parent, level, subtreeOf, query, asOf);
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return export(export.get(), service.rows(filter, paging.sort));
        }
        return Response.ok(service.list(filter, paging), MediaType.APPLICATION_JSON).build();
    }

    private <E> Response export(ExportFormat format, OrgUnitService.Rows<E> rows) {
        return exports.response(format, OrgUnitExport.FILE_NAME, OrgUnitExport.of(rows.view()), rows.query());
    }

    @Schema(name = "OrgUnitPage", description = "One page of org units")
    public record OrgUnitPage(List<OrgUnitView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "700") long totalItems) {
    }

    @GET
    @Path("/{code}/history")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "A unit's full history", description = "Every state the unit has had, with the change "
            + "that began it, who made it, when it was recorded, from when it held and why; and every "
            + "reorganisation that touched the unit, scheduled, applied, cancelled or failed.")
    @APIResponse(responseCode = "200", description = "The history",
            content = @Content(schema = @Schema(implementation = OrgUnitHistoryView.class)))
    @APIResponse(responseCode = "404", description = "No such unit")
    public OrgUnitHistoryView history(@PathParam("code") @Parameter(example = "YB") String code) {
        return reorganisations.history(code);
    }

    @GET
    @Path("/{code}/scheduled-changes")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "A unit's scheduled changes", description = "Reorganisations touching the unit that wait "
            + "for their effective date, soonest first; each can be cancelled until then.")
    @APIResponse(responseCode = "200", description = "One page of pending reorganisations")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "404", description = "No such unit")
    public PageOf<ReorganisationView> scheduledChanges(@PathParam("code") @Parameter(example = "YB") String code,
            @Valid @BeanParam PageRequest paging) {
        return reorganisations.list(code, ReorganisationRecord.Status.PENDING, paging);
    }

    @PATCH
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Rename an org unit", description = "Changes the name or validity start of a unit; who may "
            + "act on its parent may. Publishes org-unit.updated when something changed.")
    @APIResponse(responseCode = "200", description = "The unit after the change",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = ACCEPTED, description = SCHEDULED,
            content = @Content(schema = @Schema(implementation = ReorganisationView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The unit's parent is not among your grants")
    @APIResponse(responseCode = "404", description = "No such unit")
    @APIResponse(responseCode = "409", description = "A change of the unit is pending")
    @APIResponse(responseCode = "422", description = "Effective before the unit's last change")
    public Response update(@PathParam("code") @Parameter(example = "LC-HOPHAI") String code,
            @Valid @NotNull Reorganisation.Update request, @Context UriInfo uriInfo) {
        return outcome(reorganisations.update(code, request), true, uriInfo);
    }

    @POST
    @Path("/{code}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Move an org unit", description = "Re-parents the unit from the effective date; the paths of "
            + "its whole subtree change, with one org-unit.moved event per unit.")
    @APIResponse(responseCode = "200", description = "The unit after the move",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = ACCEPTED, description = SCHEDULED,
            content = @Content(schema = @Schema(implementation = ReorganisationView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The old or new parent is not among your grants")
    @APIResponse(responseCode = "409", description = "A unit involved has closed, or a change of a unit involved is pending")
    @APIResponse(responseCode = "422", description = "Unknown unit, a parent inside the subtree or not above its level")
    public Response move(@PathParam("code") @Parameter(example = "LC-HOPHAI") String code,
            @Valid @NotNull Reorganisation.Move request, @Context UriInfo uriInfo) {
        return outcome(reorganisations.move(code, request), true, uriInfo);
    }

    @POST
    @Path("/merges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Merge org units into a successor", description = "From the effective date the merged units "
            + "end (validTo the day before, successorCode set), their open children move under the successor, and "
            + "their plans not closed and open assignments pass to it (plan.transferred, assignment.transferred).")
    @APIResponse(responseCode = "200", description = "The merged units, then the successor",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = ACCEPTED, description = SCHEDULED,
            content = @Content(schema = @Schema(implementation = ReorganisationView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "A unit's parent is not among your grants")
    @APIResponse(responseCode = "409", description = "A unit involved has closed, or a change of a unit involved is pending")
    @APIResponse(responseCode = "422", description = "Unknown unit, different levels, or a successor inside a merged unit")
    public Response merge(@Valid @NotNull Reorganisation.Merge request, @Context UriInfo uriInfo) {
        return outcome(reorganisations.merge(request), false, uriInfo);
    }

    @POST
    @Path("/{code}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Split an org unit", description = "Creates the successors under the unit's parent from the "
            + "effective date, moves each open child to the successor named for it, and ends the unit.")
    @APIResponse(responseCode = "200", description = "The split unit, then its successors",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = ACCEPTED, description = SCHEDULED,
            content = @Content(schema = @Schema(implementation = ReorganisationView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The unit's parent is not among your grants")
    @APIResponse(responseCode = "409", description = "The unit has closed, or a successor code is taken, or a change of a unit involved is pending")
    @APIResponse(responseCode = "422", description = "A child left behind or given twice")
    public Response split(@PathParam("code") @Parameter(example = "LC-BATXAT") String code,
            @Valid @NotNull Reorganisation.Split request, @Context UriInfo uriInfo) {
        return outcome(reorganisations.split(code, request), false, uriInfo);
    }

    @POST
    @Path("/{code}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Close an org unit", description = "The unit stops existing from the effective date; with a "
            + "successor, its open plans and assignments pass to it. A unit with open children cannot close.")
    @APIResponse(responseCode = "200", description = "The closed unit",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = ACCEPTED, description = SCHEDULED,
            content = @Content(schema = @Schema(implementation = ReorganisationView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The unit's parent is not among your grants")
    @APIResponse(responseCode = "409", description = "Already closed, or open children remain, or a change of a unit involved is pending")
    @APIResponse(responseCode = "422", description = "Unknown unit or successor")
    public Response close(@PathParam("code") @Parameter(example = "LC-HOPHAI") String code,
            @Valid @NotNull Reorganisation.Close request, @Context UriInfo uriInfo) {
        return outcome(reorganisations.close(code, request), true, uriInfo);
    }

    @POST
    @Path("/imports")
    @Consumes("text/csv")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Import a hierarchy from CSV", description = "Header code,name,levelCode,parentCode,validFrom, "
            + "then one unit per line. Idempotent by code: an equal row is unchanged, a different one updates the "
            + "unit (a new parent moves it). Each row applies whole or not at all; parents may come earlier in the file.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "two units",
            value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What happened to each row",
            content = @Content(schema = @Schema(implementation = OrgUnitImport.Report.class)))
    @APIResponse(responseCode = "400", description = "No header, or a required column missing")
    public OrgUnitImport.Report importCsv(@NotNull byte[] csv, @Context HttpHeaders headers) {
        // Vietnamese names: UTF-8 unless the client declares another charset.
        String charset = headers.getMediaType() == null ? null : headers.getMediaType().getParameters().get("charset");
        Charset decoding;
        try {
            decoding = charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-charset", "Content-Type", "unknown charset '" + charset + "'");
        }
        return importer.importRows(OrgUnitCsv.parse(new String(csv, decoding)), caller::mayActOn, caller.name());
    }

    @POST
    @Path("/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Import a hierarchy from JSON", description = "An array of units as in 'Create an org unit'. "
            + "Idempotent by code, with a per-row report, like the CSV import.")
    @APIResponse(responseCode = "200", description = "What happened to each row",
            content = @Content(schema = @Schema(implementation = OrgUnitImport.Report.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON array of units")
    public OrgUnitImport.Report importJson(@NotNull List<OrgUnitRequest> units) {
        return importer.importUnits(units, caller::mayActOn, caller.name());
    }
}
