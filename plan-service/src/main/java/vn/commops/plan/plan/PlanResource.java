package vn.commops.plan.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.HeaderParam;
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
import vn.commops.common.security.Roles;
import vn.commops.common.api.IfMatch;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Master, annual, periodic and campaign plans of the org units")
public class PlanResource {

    private final PlanService service;
    private final Exports exports;

    PlanResource(PlanService service, Exports exports) {
        this.service = service;
        this.exports = exports;
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Create a plan", description = "Creates a draft plan. Every plan but a MASTER one derives "
            + "from an approved or active plan of the type above (ANNUAL from MASTER, PERIODIC from ANNUAL, CAMPAIGN "
            + "from PERIODIC or ANNUAL) owned by its unit or one above, whose period contains its own; objectives and "
            + "indicatorCodes left out are inherited from it. Retrying with the same Idempotency-Key returns the plan "
            + "the first attempt created instead of a second one.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the plan created by the first attempt",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "422", description = "Unknown owner unit; a parent plan missing, unknown, of the wrong "
            + "type or unit, not approved, or not containing the period")
    public Response create(@Valid @NotNull PlanRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200)
            @Parameter(description = "Client-chosen key that makes retries safe",
                    example = "b1f4c7e2-8a3d-4c59-9e6f-2d7a0b5c8e14")
            String idempotencyKey,
            UriInfo uriInfo) {
        PlanService.Created created = service.create(request, idempotencyKey);
        PlanView plan = created.plan();
        Response.ResponseBuilder response = created.isNew()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(plan.id().toString()).build())
                : Response.ok();
        return response.tag(IfMatch.etag(plan.version())).entity(plan).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a plan", description = "The plan; its ETag is the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The plan, with its version as ETag",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public Response get(@PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id) {
        PlanView plan = service.get(id);
        return withEtag(plan);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Search plans", description = "Filter by type, status, owner unit or its subtree, parent "
            + "plan, period overlap and title text (with or without diacritics); paged and sorted. JSON pages; or "
            + "every matching plan as one streamed CSV or XLSX file (format=csv|xlsx, or Accept), same filters and "
            + "order, no paging, with the plan's own objectives and indicators (not the inherited ones).")
    @APIResponse(responseCode = "200", description = "One page of plans, or all of them as a file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid filter, paging, sort or format")
    @APIResponse(responseCode = "422", description = "Unknown subtree root, or more rows than an XLSX sheet holds")
    public Response list(
            @QueryParam("type") @Parameter(description = "Only plans of this type", example = "CAMPAIGN") PlanType type,
            @QueryParam("status") @Parameter(description = "Only plans in this status", example = "ACTIVE")
            PlanStatus status,
            @QueryParam("ownerUnit") @Parameter(description = "Only plans this unit owns", example = "LC") String ownerUnit,
            @QueryParam("subtreeOf") @Parameter(description = "Plans owned by this unit or any unit below it",
                    example = "LC") String subtreeOf,
            @QueryParam("parentPlanId")
            @Parameter(description = "Plans derived from this one", example = "0d4c7a9e-2b6f-4e13-8a5d-7c1e9f3b6a20")
            UUID parentPlanId,
            @QueryParam("from") @Parameter(description = "Period overlaps from this day", example = "2024-05-01")
            LocalDate from,
            @QueryParam("to") @Parameter(description = "Period overlaps up to this day", example = "2024-05-31")
            LocalDate to,
            @QueryParam("q") @Parameter(description = "Text in the title, with or without diacritics",
                    example = "thang van dong") String query,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            @Context HttpHeaders headers) {
        PlanService.PlanFilter filter = new PlanService.PlanFilter(type, status, ownerUnit, subtreeOf, parentPlanId,
                from, to, query);
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.response(export.get(), PlanExport.FILE_NAME, PlanExport.COLUMNS,
                    service.query(filter, paging.sort));
        }
        return Response.ok(service.list(filter, paging), MediaType.APPLICATION_JSON).build();
    }

    @Schema(name = "PlanPage", description = "One page of plans")
    public record PlanPage(List<PlanView> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "12") long totalItems) {
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Replace a plan's content", description = "Draft and returned plans change freely within "
            + "the cascade rules; approved and active ones only in title, objectives and indicatorCodes (recorded in "
            + "GET /{id}/revisions too). objectives or indicatorCodes sent null are inherited from the parent plan. "
            + "Send the ETag you read in If-Match: a stale one gets 412, none 428. Each change adds a revision.")
    @APIResponse(responseCode = "200", description = "The plan after the change, with its new ETag",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The owner unit is not among your grants")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The plan is closed or submitted, or (approved or active) its "
            + "type, period or parent would change")
    @APIResponse(responseCode = "412", description = "The plan changed since the ETag was read")
    @APIResponse(responseCode = "422", description = "Parent plan missing, unknown, of the wrong type, not approved or "
            + "not containing the period; a type its child plans cannot derive from")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(@PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag the change is based on", example = "\"0\"")
            String ifMatch,
            @Valid @NotNull PlanChange.Replace change) {
        return withEtag(service.replace(id, IfMatch.required(ifMatch), change));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Change some of a plan's content", description = "Like PUT, for the fields sent only (PUT "
            + "with null objectives or indicatorCodes goes back to inheriting them).")
    @APIResponse(responseCode = "200", description = "The plan after the change, with its new ETag",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The owner unit is not among your grants")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The plan is closed or submitted, or (approved or active) its "
            + "type, period or parent would change")
    @APIResponse(responseCode = "412", description = "The plan changed since the ETag was read")
    @APIResponse(responseCode = "422", description = "Parent plan missing, unknown, of the wrong type, not approved or "
            + "not containing the period; a type its child plans cannot derive from")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(@PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag the change is based on", example = "\"0\"")
            String ifMatch,
            @Valid @NotNull PlanChange.Patch patch) {
        return withEtag(service.patch(id, IfMatch.required(ifMatch), patch));
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER})
    @Operation(summary = "Move a plan through its workflow", description = "SUBMIT (owner unit's manager or officer), "
            + "APPROVE or RETURN with a reason (a manager of the owner's parent unit; a root unit's plan: a national "
            + "admin), ACTIVATE, CLOSE (owner unit's manager). Recorded with who, when and why. If-Match is "
            + "optional here; when sent, a stale one gets 412.")
    @APIResponse(responseCode = "200", description = "The plan in its new status, with its new ETag",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Unknown action, or a return without reason")
    @APIResponse(responseCode = "403", description = "Not yours to take on this plan")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Not allowed from the plan's status")
    @APIResponse(responseCode = "412", description = "The plan changed since the ETag was read")
    public Response transition(@PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag the move is based on", example = "\"1\"")
            String ifMatch,
            @Valid @NotNull PlanChange.Transition request) {
        return withEtag(service.transition(id, IfMatch.optional(ifMatch), request));
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "A plan's workflow history", description = "Every move, oldest first, with who, when and why.")
    @APIResponse(responseCode = "200", description = "The transitions",
            content = @Content(schema = @Schema(implementation = PlanChange.TransitionView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public List<PlanChange.TransitionView> transitions(
            @PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id) {
        return service.transitions(id);
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "A plan's content history", description = "Every revision of the content, oldest first.")
    @APIResponse(responseCode = "200", description = "The revisions",
            content = @Content(schema = @Schema(implementation = PlanChange.RevisionView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public List<PlanChange.RevisionView> versions(
            @PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id) {
        return service.revisions(id);
    }

    @GET
    @Path("/{id}/versions/{revision}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "One revision of a plan's content", description = "The content as that change left it.")
    @APIResponse(responseCode = "200", description = "The revision",
            content = @Content(schema = @Schema(implementation = PlanChange.RevisionView.class)))
    @APIResponse(responseCode = "404", description = "No such plan or revision")
    public PlanChange.RevisionView version(
            @PathParam("id") @Parameter(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e10") UUID id,
            @PathParam("revision") @Parameter(example = "1") int revision) {
        return service.revision(id, revision);
    }

    private static Response withEtag(PlanView plan) {
        return Response.ok(plan).tag(IfMatch.etag(plan.version())).build();
    }
}
