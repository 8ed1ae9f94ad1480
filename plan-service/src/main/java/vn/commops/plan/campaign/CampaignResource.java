package vn.commops.plan.campaign;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
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
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Roles;
import vn.commops.common.sync.ChangeFeed;
import vn.commops.common.api.IfMatch;

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Campaigns of a plan: theme, key messages, target groups, forms of "
        + "communication with their windows, budget; and the calendar of what runs where")
public class CampaignResource {

    private final CampaignService service;
    private final CampaignCalendar calendar;

    private final CampaignFeed feed;
    private final Exports exports;

    CampaignResource(CampaignService service, CampaignCalendar calendar, CampaignFeed feed, Exports exports) {
        this.service = service;
        this.calendar = calendar;
        this.feed = feed;
        this.exports = exports;
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Campaigns changed since", description = "The delta feed offline clients sync from: campaigns "
            + "written after the cursor (or at or after a date-time), in write order. Pass nextCursor back as "
            + "updatedSince. A change whose transaction is still running comes on a later call, never skipped.")
    @APIResponse(responseCode = "200", description = "One page of changes and the cursor to continue from",
            content = @Content(schema = @Schema(implementation = CampaignFeed.Changes.class)))
    @APIResponse(responseCode = "400", description = "Neither a cursor nor a date-time")
    public CampaignFeed.Changes changes(
            @QueryParam("updatedSince") @Parameter(description = ChangeFeed.CURSOR_DESCRIPTION, example = "c7391-1042")
            String updatedSince,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000)
            @Parameter(description = "Changes per page, at most 5000", example = "500") int limit) {
        return feed.since(updatedSince, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Create a campaign", description = "Adds a campaign to a plan not closed; its window lies "
            + "within the plan's period and every form's window within the campaign's. It may name the higher "
            + "campaign it implements. On an approved or active plan the campaign starts without budget: its budget "
            + "lines wait as an amendment for the plan's decider (the Link header with rel=amendment names it).")
    @APIResponse(responseCode = "201", description = "Created, with its version as ETag",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The plan's owner unit is not among your grants")
    @APIResponse(responseCode = "409", description = "The plan is closed")
    @APIResponse(responseCode = "422", description = "Unknown plan or target group, a window outside its bounds, or a "
            + "campaign to implement that is unknown, not above, not approved or not overlapping")
    public Response create(@Valid @NotNull CampaignRequest request, UriInfo uriInfo) {
        CampaignService.Changed changed = service.create(request);
        CampaignView created = changed.campaign();
        Response.ResponseBuilder response = Response.created(uriInfo.getAbsolutePathBuilder()
                .path(created.id().toString()).build()).tag(IfMatch.etag(created.version())).entity(created);
        if (changed.amendmentId() != null) {
            response.link(amendment(uriInfo, changed), "amendment");
        }
        return response.build();
    }

    private static java.net.URI amendment(UriInfo uriInfo, CampaignService.Changed changed) {
        return uriInfo.getBaseUriBuilder().path("api/v1/plans").path(changed.planId().toString()).path("amendments")
                .path(changed.amendmentId().toString()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a campaign", description = "The campaign; its ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The campaign",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Response get(@PathParam("id") @Parameter(example = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21") UUID id) {
        CampaignView campaign = service.get(id);
        return Response.ok(campaign).tag(IfMatch.etag(campaign.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Replace a campaign", description = "Send the ETag you read in If-Match: a stale one gets "
            + "412, none 428. On an approved or active plan every change is recorded in the plan's audit, and a change "
            + "of the budget lines does not apply: it waits as an amendment for the plan's decider (202, Location "
            + "names it), the rest of the change applying at once.")
    @APIResponse(responseCode = "200", description = "The campaign after the change, with its new ETag",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "202", description = "The other changes applied; the budget lines held as an amendment "
            + "(Location) for the plan's decider: the campaign as it now stands, its budget as approved",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The plan's owner unit is not among your grants")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The plan is closed, or an amendment of the campaign's budget "
            + "already waits for the plan's decider")
    @APIResponse(responseCode = "412", description = "The campaign changed since the ETag was read")
    @APIResponse(responseCode = "422", description = "Unknown target group, a window outside its bounds, a campaign "
            + "to implement that is unknown, not above, not approved or not overlapping, or budget lines lowered below "
            + "what the campaign's assignments hold (budgetLines, with the amounts)")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(@PathParam("id") @Parameter(example = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag the change is based on", example = "\"0\"")
            String ifMatch,
            @Valid @NotNull CampaignRequest request, UriInfo uriInfo) {
        CampaignService.Changed changed = service.replace(id, IfMatch.required(ifMatch), request);
        CampaignView campaign = changed.campaign();
        Response.ResponseBuilder response = changed.amendmentId() == null ? Response.ok(campaign)
                : Response.accepted(campaign).location(amendment(uriInfo, changed));
        return response.tag(IfMatch.etag(campaign.version())).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List campaigns", description = "Filter by plan, by the higher campaign they implement (a "
            + "national campaign's provincial implementations) and theme text (diacritics optional). JSON pages; or "
            + "every matching campaign as one streamed CSV or XLSX file (format=csv|xlsx, or Accept), same filters "
            + "and order, no paging, with its forms' kinds and its budget total.")
    @APIResponse(responseCode = "200", description = "One page of campaigns, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid paging, sort or format")
    @APIResponse(responseCode = "422", description = "More rows than an XLSX sheet holds")
    public Response list(
            @QueryParam("planId") @Parameter(description = "Only this plan's campaigns",
                    example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10")
            UUID planId,
            @QueryParam("implementsCampaignId")
            @Parameter(description = "Only campaigns implementing this one", example = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21")
            UUID implementsCampaignId,
            @QueryParam("q") @Parameter(description = "Text in the theme", example = "an sinh") String query,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        CampaignService.CampaignFilter filter = new CampaignService.CampaignFilter(planId, implementsCampaignId, query);
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), CampaignExport.FILE_NAME, CampaignExport.COLUMNS,
                    service.query(filter, paging.sort));
        }
        return Response.ok(service.list(filter, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "CampaignPage", description = "One page of campaigns")
    public record CampaignPage(List<CampaignView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "8") long totalItems) {
    }

    @GET
    @Path("/target-groups")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List target groups", description = "The managed vocabulary of audiences campaigns address.")
    @APIResponse(responseCode = "200", description = "The target groups",
            content = @Content(schema = @Schema(implementation = CampaignService.TargetGroupView.class,
                    type = SchemaType.ARRAY)))
    public List<CampaignService.TargetGroupView> targetGroups() {
        return service.targetGroups();
    }

    @GET
    @Path("/calendar")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Campaign calendar of a unit", description = "Which forms of which approved or active "
            + "campaigns run on a day (date) or in a range (from, to) for a unit: campaigns of the unit, of the units "
            + "above it and of those below it.")
    @APIResponse(responseCode = "200", description = "The entries, by window start",
            content = @Content(schema = @Schema(implementation = CampaignCalendar.Entry.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Neither date nor from given, or to before from")
    @APIResponse(responseCode = "422", description = "Unknown org unit")
    public List<CampaignCalendar.Entry> calendar(
            @QueryParam("orgUnit") @NotBlank @Parameter(required = true, example = "LC") String orgUnit,
            @QueryParam("date") @Parameter(description = "One day", example = "2024-05-13") LocalDate date,
            @QueryParam("from") @Parameter(description = "First day of a range", example = "2024-05-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "Last day of a range; from when omitted", example = "2024-05-31")
            LocalDate to) {
        if (date != null) {
            return calendar.entries(orgUnit, date, date);
        }
        if (from == null) {
            throw ProblemException.badRequest("calendar-day-required", "date", "give a date, or from (and to)");
        }
        return calendar.entries(orgUnit, from, to == null ? from : to);
    }
}
