package vn.commops.plan.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Tasks handed down the hierarchy, split among lower units, with progress "
        + "from the activities reported against them")
public class AssignmentResource {

    private final AssignmentService service;
    private final AssignmentCascade cascade;
    private final AssignmentQueries queries;

    private final AssignmentFeed feed;
    private final Exports exports;

    AssignmentResource(AssignmentService service, AssignmentCascade cascade, AssignmentQueries queries,
            AssignmentFeed feed, Exports exports) {
        this.service = service;
        this.cascade = cascade;
        this.queries = queries;
        this.feed = feed;
        this.exports = exports;
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Assignments changed since", description = "The delta feed offline clients sync from: assignments "
            + "written after the cursor (or at or after a date-time), in write order; closed ones come as tombstones. Pass nextCursor back as "
            + "updatedSince. A change whose transaction is still running comes on a later call, never skipped.")
    @APIResponse(responseCode = "200", description = "One page of changes and the cursor to continue from",
            content = @Content(schema = @Schema(implementation = AssignmentFeed.Changes.class)))
    @APIResponse(responseCode = "400", description = "Neither a cursor nor a date-time")
    public AssignmentFeed.Changes changes(
            @QueryParam("updatedSince") @Parameter(description = ChangeFeed.CURSOR_DESCRIPTION, example = "c7391-1042")
            String updatedSince,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000)
            @Parameter(description = "Changes per page, at most 5000", example = "500") int limit) {
        return feed.since(updatedSince, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Create an assignment", description = "Hands a task of a plan (or campaign) to its owner unit "
            + "or a unit below it; with parentAssignmentId, a share of a higher task for a unit below that task's "
            + "unit, within what is left of its quantity, budget and targets. Retrying with the same Idempotency-Key "
            + "returns the first attempt's assignment.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the assignment the first attempt created",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request, or shares over the parent's "
            + "quantity, budget or a target (each overrun named with its amounts)")
    @APIResponse(responseCode = "403", description = "The plan's or parent's unit is not among your grants")
    @APIResponse(responseCode = "409", description = "The plan is closed or the parent assignment not open")
    @APIResponse(responseCode = "422", description = "Unknown plan, campaign, unit or metric; a unit outside the plan "
            + "owner's subtree or not below the parent's; dates outside the plan; a budget that would take the "
            + "campaign's top-level assignments over its budget lines (budgetVnd, with the amounts)")
    public Response create(@Valid @NotNull AssignmentRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200)
            @Parameter(description = "Client-chosen key that makes retries safe",
                    example = "b1f4c7e2-8a3d-4c59-9e6f-2d7a0b5c8e14")
            String idempotencyKey,
            UriInfo uriInfo) {
        AssignmentService.Created created = service.create(request, idempotencyKey);
        AssignmentView assignment = created.assignment();
        return (created.isNew()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(assignment.id().toString()).build())
                : Response.ok()).entity(assignment).build();
    }

    @POST
    @Path("/{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Split an assignment among lower units", description = "A province shares its task among "
            + "its communes: every share goes to a unit below the assignment's, and the shares (with those made "
            + "before) stay within its quantity, budget and each target. All shares are created, or none.")
    @APIResponse(responseCode = "201", description = "The shares created",
            content = @Content(schema = @Schema(implementation = AssignmentView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Malformed request, or shares over the parent's quantity, "
            + "budget or a target (each overrun named with its amounts)")
    @APIResponse(responseCode = "403", description = "The assignment's unit is not among your grants")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(responseCode = "409", description = "The assignment is not open")
    @APIResponse(responseCode = "422", description = "A unit unknown or not below the assignment's, a due date after it")
    public Response split(@PathParam("id") @Parameter(example = "c4e8a2f6-1b7d-4a39-8e05-9d2c6b1f3a47") UUID id,
            @Valid @NotNull AssignmentRequest.Split split) {
        return Response.status(Response.Status.CREATED).entity(cascade.split(id, split)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Change or close an assignment", description = "Whoever handed the task down (a manager of "
            + "the parent assignment's unit, or of the unit for a top task) changes it; its shares must still fit in "
            + "it and it in its parent. Send the ETag you read in If-Match: a stale one gets 412, none 428. On an "
            + "approved or active plan every change is recorded in the plan's audit, and a change of quantity, budget "
            + "or targets does not apply: it waits as an amendment for the plan's decider (202, Location names it), "
            + "the rest of the change applying at once.")
    @APIResponse(responseCode = "200", description = "The assignment after the change, with its new ETag",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "202", description = "The other changes applied; the amounts held as an amendment "
            + "(Location) for the plan's decider: the assignment as it now stands, its amounts as approved",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request, or amounts that no longer fit (each named)")
    @APIResponse(responseCode = "403", description = "Not among your grants")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(responseCode = "409", description = "The assignment is closed, or an amendment of its amounts already "
            + "waits for the plan's decider")
    @APIResponse(responseCode = "412", description = "The assignment changed since the ETag was read")
    @APIResponse(responseCode = "422", description = "A due date before the start, after the parent's or before a "
            + "share's; closing and changing amounts at once on an approved plan; a raised budget over what the "
            + "campaign's budget lines leave (budgetVnd, with the amounts)")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") @Parameter(example = "c4e8a2f6-1b7d-4a39-8e05-9d2c6b1f3a47") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag the change is based on", example = "\"0\"")
            String ifMatch,
            @Valid @NotNull AssignmentChange change, UriInfo uriInfo) {
        AssignmentService.Updated updated = service.update(id, IfMatch.required(ifMatch), change);
        AssignmentView assignment = updated.assignment();
        Response.ResponseBuilder response = updated.amendmentId() == null ? Response.ok(assignment)
                : Response.accepted(assignment).location(uriInfo.getBaseUriBuilder().path("api/v1/plans")
                        .path(assignment.planId().toString()).path("amendments")
                        .path(updated.amendmentId().toString()).build());
        return response.tag(IfMatch.etag(assignment.version())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get an assignment with its progress", description = "Progress sums the activities reported "
            + "against it and against every share split from it: every one not rejected or withdrawn, or with "
            + "count=verified only verified ones; the figures of reported, verified and rejected activities are shown "
            + "apart.")
    @APIResponse(responseCode = "200", description = "The assignment, with its version as ETag",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "count is neither all nor verified")
    @APIResponse(responseCode = "404", description = "No such assignment")
    public Response get(@PathParam("id") @Parameter(example = "c4e8a2f6-1b7d-4a39-8e05-9d2c6b1f3a47") UUID id,
            @QueryParam("count") @Parameter(description = Counting.DESCRIPTION, example = "verified",
                    schema = @Schema(enumeration = {"all", "verified"})) String count) {
        AssignmentView assignment = queries.get(id, Counting.parse(count));
        return Response.ok(assignment).tag(IfMatch.etag(assignment.version())).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List assignments", description = "Filter by plan, campaign, parent, unit or subtree, or the "
            + "crisis case they come from. JSON pages; or every matching assignment with its progress as one streamed "
            + "CSV or XLSX file (format=csv|xlsx, or Accept), same filters, order and count, no paging.")
    @APIResponse(responseCode = "200", description = "One page of assignments, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid paging, sort, count or format")
    @APIResponse(responseCode = "422", description = "Unknown subtree root, or more rows than an XLSX sheet holds")
    public Response list(
            @QueryParam("planId")
            @Parameter(description = "Only this plan's", example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID planId,
            @QueryParam("campaignId")
            @Parameter(description = "Only this campaign's", example = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21")
            UUID campaignId,
            @QueryParam("parentAssignmentId")
            @Parameter(description = "Only shares of this assignment", example = "9b3f5d17-6e2a-4c8b-a1d4-0f7e3c9b2d58")
            UUID parentAssignmentId,
            @QueryParam("orgUnit") @Parameter(description = "Only this unit's", example = "LC") String orgUnit,
            @QueryParam("subtreeOf") @Parameter(description = "This unit's and those below it", example = "LC")
            String subtreeOf,
            @QueryParam("sourceCaseId") @Parameter(description = "Post-crisis assignments of this crisis case",
                    example = "e2a7c5d9-4f1b-4d6e-9a38-5c0b8e1f7d63")
            UUID sourceCaseId,
            @QueryParam("count") @Parameter(description = Counting.DESCRIPTION, example = "verified",
                    schema = @Schema(enumeration = {"all", "verified"})) String count,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        AssignmentQueries.Filter filter = new AssignmentQueries.Filter(planId, campaignId, parentAssignmentId, orgUnit,
                subtreeOf, sourceCaseId);
        Counting counting = Counting.parse(count);
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), AssignmentExport.FILE_NAME,
                    AssignmentExport.columns(queries.progress(counting)), queries.query(filter, paging.sort));
        }
        return Response.ok(queries.list(filter, paging, counting), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "AssignmentPage", description = "One page of assignments")
    public record AssignmentPage(List<AssignmentView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "120") long totalItems) {
    }
}
