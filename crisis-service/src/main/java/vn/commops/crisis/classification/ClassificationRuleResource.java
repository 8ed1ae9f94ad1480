package vn.commops.crisis.classification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;
import vn.commops.common.api.IfMatch;

@Path("/api/v1/classification-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Classification rules", description = "Keyword and pattern rules that give feedback its topic, "
        + "sentiment and false-information flag")
public class ClassificationRuleResource {

    private final ClassificationRuleService service;

    ClassificationRuleResource(ClassificationRuleService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List classification rules", description = "Highest priority first.")
    @APIResponse(responseCode = "200", description = "The rules",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RuleView.class)))
    public List<RuleView> list(
            @QueryParam("active") @Parameter(description = "Only active or inactive rules", example = "true")
            Boolean active,
            @QueryParam("topic") @Parameter(description = "Only rules setting this topic", example = "SCAMS") String topic) {
        return service.list(active, topic);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a classification rule", description = "The rule with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The rule",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "No such rule")
    public Response get(
            @PathParam("id") @Parameter(description = "The rule's id",
                    example = "4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d") UUID id) {
        return withVersion(Response.ok(), service.get(id));
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Add a classification rule", description = "Adds a rule and reclassifies the feedback of "
            + "the recent window (7 days by default) that no analyst has classified by hand.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid rule (e.g. an invalid pattern)")
    @APIResponse(responseCode = "422", description = "Unknown topic")
    public Response create(@Valid @NotNull RuleRequest request, UriInfo uriInfo) {
        RuleView rule = service.create(request).rule();
        return withVersion(Response.created(uriInfo.getAbsolutePathBuilder().path(rule.id().toString()).build()), rule);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Change a classification rule", description = "Replaces the rule and reclassifies recent "
            + "feedback. Send If-Match with the version read to avoid overwriting another change.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid rule")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "412", description = "The rule changed since it was read")
    @APIResponse(responseCode = "422", description = "Unknown topic")
    public Response update(
            @PathParam("id") @Parameter(description = "The rule's id",
                    example = "4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d") UUID id,
            @Valid @NotNull RuleRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The version read (ETag)",
                    example = "\"2\"") String ifMatch) {
        return withVersion(Response.ok(), service.update(id, request, IfMatch.optional(ifMatch)).rule());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Remove a classification rule", description = "Removes the rule and reclassifies recent "
            + "feedback. Explanations already given keep the rule's name. To pause a rule, set it inactive instead.")
    @APIResponse(responseCode = "200", description = "Removed; what the reclassification changed",
            content = @Content(schema = @Schema(implementation = Reclassification.Result.class)))
    @APIResponse(responseCode = "404", description = "No such rule")
    public Reclassification.Result delete(
            @PathParam("id") @Parameter(description = "The rule's id",
                    example = "4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d") UUID id) {
        return service.delete(id);
    }

    @POST
    @Path("/reclassify")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Reclassify feedback", description = "Applies the current rules again to feedback received "
            + "since the given time (the recent window by default). Items classified by hand are left as they are.")
    @APIResponse(responseCode = "200", description = "How many items were examined and changed",
            content = @Content(schema = @Schema(implementation = Reclassification.Result.class)))
    @APIResponse(responseCode = "400", description = "Malformed time")
    public Reclassification.Result reclassify(@QueryParam("since")
            @Parameter(description = "Feedback received from this time on", example = "2025-03-01T00:00:00+07:00")
            OffsetDateTime since) {
        return service.reclassify(since);
    }

    private static Response withVersion(Response.ResponseBuilder response, RuleView rule) {
        return response.tag(new EntityTag(Integer.toString(rule.version()))).entity(rule).build();
    }
}
