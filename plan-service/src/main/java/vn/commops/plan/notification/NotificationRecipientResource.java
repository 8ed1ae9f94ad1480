package vn.commops.plan.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

@Path("/api/v1/notification-recipients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Who is told by email of new assignments, units behind target, crisis "
        + "signals and overdue answers; and each person's own preferences")
public class NotificationRecipientResource {

    static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$";

    private final NotificationDirectory directory;

    NotificationRecipientResource(NotificationDirectory directory) {
        this.directory = directory;
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Register or replace a notification recipient", description = "The person is the user "
            + "of that name in tokens. Their address is personal data: it is used only to send them mail. A unit "
            + "manager registers people of the units they are granted.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = RecipientView.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = RecipientView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "The person's unit, or the unit named, is not among your grants")
    @APIResponse(responseCode = "422", description = "The org unit does not exist")
    public Response put(@PathParam("username") @Pattern(regexp = USERNAME, message = "must be a user name")
            @Parameter(example = "lc-manager") String username, @NotNull @Valid RecipientRequest request) {
        boolean created = directory.put(username, request);
        return Response.status(created ? 201 : 200).entity(directory.get(username)).build();
    }

    @GET
    @Path("/{username}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Get a notification recipient")
    @APIResponse(responseCode = "200", description = "The person",
            content = @Content(schema = @Schema(implementation = RecipientView.class)))
    @APIResponse(responseCode = "403", description = "The person's unit is not among your grants")
    @APIResponse(responseCode = "404", description = "No such recipient")
    public RecipientView get(@PathParam("username") @Pattern(regexp = USERNAME, message = "must be a user name")
            @Parameter(example = "lc-manager") String username) {
        return directory.get(username);
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "List the notification recipients of a unit")
    @APIResponse(responseCode = "200", description = "The unit's recipients, by username")
    @APIResponse(responseCode = "400", description = "orgUnitCode missing")
    @APIResponse(responseCode = "403", description = "The unit is not among your grants")
    @APIResponse(responseCode = "404", description = "No such unit")
    public List<RecipientView> list(@QueryParam("orgUnitCode") @NotBlank
            @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an org unit code")
            @Parameter(example = "LC") String orgUnitCode) {
        return directory.ofUnit(orgUnitCode);
    }

    @DELETE
    @Path("/{username}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER})
    @Operation(summary = "Remove a notification recipient", description = "With their address, duty windows and "
            + "preferences; notifications queued for them are dropped unsent.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "The person's unit is not among your grants")
    @APIResponse(responseCode = "404", description = "No such recipient")
    public void remove(@PathParam("username") @Pattern(regexp = USERNAME, message = "must be a user name")
            @Parameter(example = "lc-manager") String username) {
        directory.remove(username);
    }
}
