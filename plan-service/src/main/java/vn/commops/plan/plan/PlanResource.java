package vn.commops.plan.plan;

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

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Master, annual, periodic and campaign plans of the org units")
public class PlanResource {

    private final PlanService service;

    PlanResource(PlanService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Create a plan", description = "Creates a draft plan. Retrying with the same "
            + "Idempotency-Key returns the plan the first attempt created instead of a second one.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the plan created by the first attempt",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown owner unit or parent plan, or a period outside the parent's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull PlanRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200)
            @Parameter(description = "Client-chosen key that makes retries safe") String idempotencyKey,
            UriInfo uriInfo) {
        PlanService.Created created = service.create(request, idempotencyKey);
        PlanView plan = created.plan();
        Response.ResponseBuilder response = created.isNew()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(plan.id().toString()).build())
                : Response.ok();
        return response.tag(new EntityTag(Integer.toString(plan.version()))).entity(plan).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a plan", description = "The plan; its ETag is the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The plan, with its version as ETag",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        PlanView plan = service.get(id);
        return Response.ok(plan).tag(new EntityTag(Integer.toString(plan.version()))).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List plans", description = "Filter by type, status, owner unit and title text.")
    @APIResponse(responseCode = "200", description = "One page of plans")
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<PlanView> list(
            @QueryParam("type") PlanType type,
            @QueryParam("status") PlanStatus status,
            @QueryParam("ownerUnit") @Parameter(example = "LC") String ownerUnit,
            @QueryParam("q") @Parameter(description = "Text in the title, with or without diacritics") String query,
            @Valid @BeanParam PageRequest paging) {
        return service.list(new PlanService.PlanFilter(type, status, ownerUnit, query), paging);
    }
}
