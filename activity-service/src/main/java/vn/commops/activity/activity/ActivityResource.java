package vn.commops.activity.activity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import vn.commops.common.problem.Problem;
import vn.commops.common.security.Roles;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "What offices and partners did in the field, and its audience")
public class ActivityResource {

    private final ActivityService service;

    ActivityResource(ActivityService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.PARTNER})
    @Operation(summary = "Record an activity", description = "Records one activity of an org unit. Retrying with "
            + "the same Idempotency-Key returns the first recording instead of a duplicate.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the activity recorded by the first attempt",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown or closed org unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid @NotNull ActivityRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200)
            @Parameter(description = "Client-chosen key that makes retries safe") String idempotencyKey,
            UriInfo uriInfo) {
        ActivityService.Recorded recorded = service.record(request, idempotencyKey);
        ActivityView activity = recorded.activity();
        Response.ResponseBuilder response = recorded.isNew()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(activity.id().toString()).build())
                : Response.ok();
        return response.tag(new EntityTag(Integer.toString(activity.version()))).entity(activity).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER, Roles.PARTNER})
    @Operation(summary = "Get an activity", description = "The activity with its audience and its version as ETag.")
    @APIResponse(responseCode = "200", description = "The activity",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        ActivityView activity = service.get(id);
        return Response.ok(activity).tag(new EntityTag(Integer.toString(activity.version()))).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER, Roles.PARTNER})
    @Operation(summary = "List activities", description = "Filter by org unit, form and start time. "
            + "A partner sees only the activities of its granted org units.")
    @APIResponse(responseCode = "200", description = "One page of activities")
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<ActivityView> list(
            @QueryParam("orgUnit") @Parameter(example = "LC-HOPHAI") String orgUnit,
            @QueryParam("form") ActivityForm form,
            @QueryParam("from") @Parameter(description = "Started at or after", example = "2024-05-13T00:00:00+07:00")
            OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Started before", example = "2024-05-20T00:00:00+07:00")
            OffsetDateTime to,
            @Valid @BeanParam PageRequest paging) {
        return service.list(new ActivityService.ActivityFilter(orgUnit, form, from, to), paging);
    }
}
