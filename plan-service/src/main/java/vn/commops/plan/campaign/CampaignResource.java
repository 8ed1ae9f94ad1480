package vn.commops.plan.campaign;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Roles;
import vn.commops.common.api.IfMatch;

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Campaigns of a plan: theme, key messages, target groups, forms of "
        + "communication with their windows, budget; and the calendar of what runs where")
public class CampaignResource {

    private final CampaignService service;
    private final CampaignCalendar calendar;

    CampaignResource(CampaignService service, CampaignCalendar calendar) {
        this.service = service;
        this.calendar = calendar;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Create a campaign", description = "Adds a campaign to a plan not closed; its window lies "
            + "within the plan's period and every form's window within the campaign's.")
    @APIResponse(responseCode = "201", description = "Created, with its version as ETag",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The plan's owner unit is not among your grants",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown plan or target group, or a window outside its bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CampaignRequest request, UriInfo uriInfo) {
        CampaignView created = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(IfMatch.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a campaign", description = "The campaign; its ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The campaign",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = "No such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") @Parameter(example = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21") UUID id) {
        CampaignView campaign = service.get(id);
        return Response.ok(campaign).tag(IfMatch.etag(campaign.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Replace a campaign", description = "Send the ETag you read in If-Match: a stale one gets "
            + "412, none 428.")
    @APIResponse(responseCode = "200", description = "The campaign after the change, with its new ETag",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The plan's owner unit is not among your grants",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The campaign changed since the ETag was read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown target group, a window outside its bounds, or budget "
            + "lines lowered below what the campaign's assignments hold (budgetLines, with the amounts)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") @Parameter(example = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag the change is based on", example = "\"0\"")
            String ifMatch,
            @Valid @NotNull CampaignRequest request) {
        CampaignView campaign = service.replace(id, IfMatch.required(ifMatch), request);
        return Response.ok(campaign).tag(IfMatch.etag(campaign.version())).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List campaigns", description = "Filter by plan and theme text (diacritics optional).")
    @APIResponse(responseCode = "200", description = "One page of campaigns")
    @APIResponse(responseCode = "400", description = "Invalid paging or sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<CampaignView> list(
            @QueryParam("planId") @Parameter(description = "Only this plan's campaigns",
                    example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10")
            UUID planId,
            @QueryParam("q") @Parameter(description = "Text in the theme", example = "an sinh") String query,
            @Valid @BeanParam PageRequest paging) {
        return service.list(planId, query, paging);
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
    @APIResponse(responseCode = "400", description = "Neither date nor from given, or to before from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown org unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
