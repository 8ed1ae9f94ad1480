package vn.commops.crisis.topic;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;
import vn.commops.common.api.IfMatch;

@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "The managed taxonomy of what feedback is about")
public class TopicResource {

    private final TopicService service;

    TopicResource(TopicService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List topics", description = "Every topic of the taxonomy by code, optionally only active "
            + "or retired ones.")
    @APIResponse(responseCode = "200", description = "The topics",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TopicView.class)))
    public List<TopicView> list(@QueryParam("active") @Parameter(description = "Only active (true) or retired (false)",
            example = "true") Boolean active) {
        return service.list(active);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get a topic", description = "The topic with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The topic",
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "404", description = "No such topic")
    public Response get(
            @PathParam("code") @Parameter(description = "The topic's code",
                    example = "ONE_TIME_WITHDRAWAL") String code) {
        TopicView topic = service.get(code);
        return Response.ok(topic).tag(new EntityTag(Integer.toString(topic.version()))).build();
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Add a topic", description = "Adds a topic to the taxonomy; rules may then assign it.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "409", description = "A topic with this code exists")
    public Response create(@Valid @NotNull TopicRequest request, UriInfo uriInfo) {
        TopicView topic = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(topic.code()).build()).entity(topic).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.CRISIS_ANALYST})
    @Operation(summary = "Rename or retire a topic", description = "Replaces the names, description and active flag. "
            + "Send If-Match with the version read to avoid overwriting another change.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such topic")
    @APIResponse(responseCode = "412", description = "The topic changed since it was read")
    public Response update(
            @PathParam("code") @Parameter(description = "The topic's code",
                    example = "ONE_TIME_WITHDRAWAL") String code,
            @Valid @NotNull TopicRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The version read (ETag)",
                    example = "\"1\"") String ifMatch) {
        TopicView topic = service.update(code, request, IfMatch.optional(ifMatch));
        return Response.ok(topic).tag(new EntityTag(Integer.toString(topic.version()))).build();
    }
}
