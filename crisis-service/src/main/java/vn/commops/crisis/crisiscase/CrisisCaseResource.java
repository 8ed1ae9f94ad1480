package vn.commops.crisis.crisiscase;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
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
import vn.commops.common.security.Roles;
import vn.commops.common.sync.ChangeFeed;
import vn.commops.common.api.IfMatch;

@Path("/api/v1/crisis-cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Crisis cases", description = "Communication crises from watch to post-crisis review: severity, owner, "
        + "linked feedback, response actions and the communication that follows")
public class CrisisCaseResource {

    private final CrisisCaseService service;
    private final CaseReader reader;
    private final Exports exports;
    private final CaseFeed feed;

    CrisisCaseResource(CrisisCaseService service, CaseReader reader, Exports exports, CaseFeed feed) {
        this.feed = feed;
        this.service = service;
        this.reader = reader;
        this.exports = exports;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Open a crisis case", description = "From a signal (its topic, unit and time carried over; "
            + "one case per signal) or by hand. Starts in WATCH, or OPEN when it is already a crisis. The same "
            + "Idempotency-Key returns the case already opened.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = CaseViews.Case.class)))
    @APIResponse(responseCode = "200", description = "A retry: the case opened by the first attempt",
            content = @Content(schema = @Schema(implementation = CaseViews.Case.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "409", description = "The signal already has a case")
    @APIResponse(responseCode = "422", description = "Unknown signal, topic or org unit")
    public Response open(@Valid @NotNull CaseRequests.Open request,
            @HeaderParam("Idempotency-Key") @Size(max = 200)
            @Parameter(description = "Client-chosen key that makes retries safe",
                    example = "lc-case-2025-03-12-rut-mot-lan") String idempotencyKey,
            UriInfo uriInfo) {
        CrisisCaseService.Opened opened = service.open(request, idempotencyKey);
        CaseViews.Case c = opened.crisisCase();
        Response.ResponseBuilder response = opened.isNew()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(c.id().toString()).build()) : Response.ok();
        return response.tag(new EntityTag(Integer.toString(c.version()))).entity(c).build();
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Crisis cases changed since", description = "The delta feed offline clients sync from: cases "
            + "written after the cursor (or at or after a date-time), in write order; closed ones come as tombstones. Pass nextCursor back as "
            + "updatedSince. A change whose transaction is still running comes on a later call, never skipped.")
    @APIResponse(responseCode = "200", description = "One page of changes and the cursor to continue from",
            content = @Content(schema = @Schema(implementation = CaseFeed.Changes.class)))
    @APIResponse(responseCode = "400", description = "Neither a cursor nor a date-time")
    public CaseFeed.Changes changes(
            @QueryParam("updatedSince") @Parameter(description = ChangeFeed.CURSOR_DESCRIPTION, example = "c7391-1042")
            String updatedSince,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000)
            @Parameter(description = "Changes per page, at most 5000", example = "500") int limit) {
        return feed.since(updatedSince, limit);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List crisis cases", description = "Newest first; filter by status, severity, org unit "
            + "(its whole subtree), topic and text of the title and description, with or without diacritics. JSON "
            + "pages; or every matching case as one streamed CSV or XLSX file (format=csv|xlsx, or Accept), same "
            + "filters and order, no paging.")
    @APIResponse(responseCode = "200", description = "One page of cases, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CasePage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid filter, paging, sort or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds (1,048,575)")
    public Response list(@QueryParam("status") @Parameter(example = "RESPONDING") CaseStatus status,
            @QueryParam("severity") @Parameter(example = "HIGH") Severity severity,
            @QueryParam("orgUnit") @Parameter(description = "The unit and every unit below it", example = "LC")
            String orgUnit,
            @QueryParam("topic") @Parameter(example = "FALSE_INFORMATION") String topic,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Text of the title or description, with or "
                    + "without diacritics; % and _ are taken literally", example = "tin don rut bhxh") String text,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), CaseExport.FILE_NAME, CaseExport.COLUMNS,
                    service.query(status, severity, orgUnit, topic, text, paging.sort));
        }
        return Response.ok(service.list(status, severity, orgUnit, topic, text, paging), MediaType.APPLICATION_JSON)
                .build();
    }

    @Schema(name = "CrisisCasePage", description = "One page of crisis cases")
    public record CasePage(List<CaseViews.Summary> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "12") long totalItems) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a crisis case", description = "The case with its links, actions, times to acknowledge "
            + "and to first response, and its version as ETag.")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(schema = @Schema(implementation = CaseViews.Case.class)))
    @APIResponse(responseCode = "404", description = "No such case")
    public Response get(
            @PathParam("id") @Parameter(description = "The case's id",
                    example = "8e2b6f14-3c7a-4d91-b5e0-6a1f2c3d4e5f") UUID id) {
        return withVersion(reader.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Edit a crisis case", description = "Title, description, severity and owner. Send If-Match "
            + "with the version read to avoid overwriting another change.")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(schema = @Schema(implementation = CaseViews.Case.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "412", description = "The case changed since it was read")
    public Response update(
            @PathParam("id") @Parameter(description = "The case's id",
                    example = "8e2b6f14-3c7a-4d91-b5e0-6a1f2c3d4e5f") UUID id,
            @Valid @NotNull CaseRequests.Update request,
            @HeaderParam("If-Match") @Parameter(description = "The version read (ETag)",
                    example = "\"4\"") String ifMatch) {
        return withVersion(service.update(id, request, IfMatch.optional(ifMatch)));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Move a crisis case on", description = "WATCH → OPEN or CLOSED; OPEN → RESPONDING; "
            + "RESPONDING → RESOLVED; RESOLVED → POST_CRISIS_REVIEW or back to RESPONDING; POST_CRISIS_REVIEW → "
            + "CLOSED. Any other step is refused with 409. The first step acknowledges the case.")
    @APIResponse(responseCode = "200", description = "The case after the step",
            content = @Content(schema = @Schema(implementation = CaseViews.Case.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "Not a step the case may take from its status")
    @APIResponse(responseCode = "412", description = "The case changed since it was read")
    public Response transition(
            @PathParam("id") @Parameter(description = "The case's id",
                    example = "8e2b6f14-3c7a-4d91-b5e0-6a1f2c3d4e5f") UUID id,
            @Valid @NotNull CaseRequests.Transition request,
            @HeaderParam("If-Match") @Parameter(description = "The version read (ETag)",
                    example = "\"4\"") String ifMatch) {
        return withVersion(service.transition(id, request, IfMatch.optional(ifMatch)));
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "A crisis case's timeline", description = "Everything that happened to the case, oldest "
            + "first: opening, edits, steps, links, actions and post-crisis requests, with who did it.")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CaseViews.Timeline.class)))
    @APIResponse(responseCode = "404", description = "No such case")
    public List<CaseViews.Timeline> timeline(
            @PathParam("id") @Parameter(description = "The case's id",
                    example = "8e2b6f14-3c7a-4d91-b5e0-6a1f2c3d4e5f") UUID id) {
        return reader.timeline(id);
    }

    private static Response withVersion(CaseViews.Case c) {
        return Response.ok(c).tag(new EntityTag(Integer.toString(c.version()))).build();
    }
}
