package vn.commops.plan.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.security.Roles;

@Path("/api/v1/notification-preferences/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationPreferenceResource {

    private final NotificationDirectory directory;

    NotificationPreferenceResource(NotificationDirectory directory) {
        this.directory = directory;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Your notification preferences", description = "What you are told of by email")
    @APIResponse(responseCode = "200", description = "Your preferences",
            content = @Content(schema = @Schema(implementation = PreferenceView.class)))
    @APIResponse(responseCode = "404", description = "You are not registered as a notification recipient")
    public PreferenceView get() {
        return directory.myPreferences();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Set your notification preferences", description = "Email on or off, and the kinds you "
            + "do not want; applies to notifications not yet sent")
    @APIResponse(responseCode = "200", description = "Your preferences",
            content = @Content(schema = @Schema(implementation = PreferenceView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "You are not registered as a notification recipient")
    public PreferenceView put(@NotNull @Valid PreferenceRequest request) {
        return directory.setMyPreferences(request);
    }
}
