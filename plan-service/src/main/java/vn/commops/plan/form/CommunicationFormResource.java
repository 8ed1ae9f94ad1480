package vn.commops.plan.form;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.IfMatch;
import vn.commops.common.security.Roles;

@Path("/api/v1/communication-forms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communication forms", description = "The forms of communication activities are reported in (banners, "
        + "conferences, television broadcasts, seminars…) and the figures each must report; kept as data by the "
        + "national centre")
public class CommunicationFormResource {

    private static final String CODE_MESSAGE = "must be 2-40 upper-case letters, digits or '_', from a letter";

    private final FormCatalogue catalogue;

    CommunicationFormResource(FormCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER,
            Roles.PARTNER, Roles.DATA_PROTECTION_OFFICER})
    @Operation(summary = "List the forms of communication", description = "By code; retired forms only when asked.")
    @APIResponse(responseCode = "200", description = "The forms")
    @APIResponse(responseCode = "400", description = "includeRetired is not true or false")
    public List<CommunicationFormView> list(@QueryParam("includeRetired") @DefaultValue("false")
            @Parameter(description = "Also list retired forms", example = "false") boolean includeRetired) {
        return catalogue.list(includeRetired);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER,
            Roles.PARTNER, Roles.DATA_PROTECTION_OFFICER})
    @Operation(summary = "Get a form of communication", description = "Retired forms too; the ETag is its version.")
    @APIResponse(responseCode = "200", description = "The form",
            content = @Content(schema = @Schema(implementation = CommunicationFormView.class)))
    @APIResponse(responseCode = "404", description = "No such form")
    public Response get(@PathParam("code") @Pattern(regexp = CommunicationFormRequest.CODE, message = CODE_MESSAGE)
            @Parameter(example = "SEMINAR") String code) {
        CommunicationFormView form = catalogue.get(code);
        return Response.ok(form).tag(IfMatch.etag(form.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Add a form of communication", description = "Activities of the form are accepted by "
            + "activity-service once its replica has the form (within seconds), when they report one of its "
            + "required figures. Sending the same form again answers it unchanged (200).")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = CommunicationFormView.class)))
    @APIResponse(responseCode = "200", description = "The same form was added before",
            content = @Content(schema = @Schema(implementation = CommunicationFormView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request, such as an unknown figure name")
    @APIResponse(responseCode = "409", description = "A form with this code exists with other content")
    public Response add(@Valid @NotNull CommunicationFormRequest request, UriInfo uriInfo) {
        FormCatalogue.Added added = catalogue.add(request);
        Response.ResponseBuilder answer = added.created()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(added.form().code()).build())
                : Response.ok();
        return answer.entity(added.form()).tag(IfMatch.etag(added.form().version())).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Change a form of communication", description = "Its names, channel or required figures. "
            + "New and corrected activities are checked against the new figures; stored ones are not re-checked.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = CommunicationFormView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such form")
    @APIResponse(responseCode = "412", description = "The form changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("code") @Pattern(regexp = CommunicationFormRequest.CODE, message = CODE_MESSAGE)
            @Parameter(example = "SEMINAR") String code,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read", example = "\"0\"") String ifMatch,
            @Valid @NotNull CommunicationFormRequest.Change change) {
        CommunicationFormView form = catalogue.change(code, change, IfMatch.required(ifMatch));
        return Response.ok(form).tag(IfMatch.etag(form.version())).build();
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Retire a form of communication", description = "Refused from now on for new activities, "
            + "campaigns and assignments; those already reported stay valid and their corrections are accepted. "
            + "A form is never deleted. Retiring a retired form changes nothing.")
    @APIResponse(responseCode = "200", description = "Retired",
            content = @Content(schema = @Schema(implementation = CommunicationFormView.class)))
    @APIResponse(responseCode = "404", description = "No such form")
    @APIResponse(responseCode = "412", description = "The form changed since you read it")
    public Response retire(@PathParam("code") @Pattern(regexp = CommunicationFormRequest.CODE, message = CODE_MESSAGE)
            @Parameter(example = "SLOGAN") String code,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; optional", example = "\"0\"")
            String ifMatch) {
        CommunicationFormView form = catalogue.retire(code, IfMatch.optional(ifMatch));
        return Response.ok(form).tag(IfMatch.etag(form.version())).build();
    }
}
