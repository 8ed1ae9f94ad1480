package vn.commops.activity.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import vn.commops.activity.partner.PartnerViews.IssuedKey;
import vn.commops.activity.partner.PartnerViews.KeyView;
import vn.commops.activity.partner.PartnerViews.PartnerRequest;
import vn.commops.activity.partner.PartnerViews.PartnerView;
import vn.commops.activity.partner.PartnerViews.Rotation;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;

@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner organisations, the org units and forms they may report, their API keys")
public class PartnerResource {

    private final PartnerService service;
    private final Caller caller;

    PartnerResource(PartnerService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Register a partner", description = "Adds a partner organisation with the org-unit "
            + "subtrees and forms it may report.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "409", description = "A partner with this id exists")
    @APIResponse(responseCode = "422", description = "A granted org unit is unknown")
    public Response register(@Valid @NotNull PartnerRequest request, UriInfo uriInfo) {
        PartnerView partner = service.register(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(partner.id()).build()).entity(partner).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Change a partner's grants", description = "Replaces name, kind, org units and forms. "
            + "Tokens already issued keep their org units until they expire; activity-service checks the registry "
            + "on every write, so narrowed grants apply at once.")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "422", description = "A granted org unit is unknown, or the id differs")
    public PartnerView update(
            @PathParam("id") @Parameter(description = "The partner's id", example = "post-office-lc") String id,
            @Valid @NotNull PartnerRequest request) {
        return service.update(id, request);
    }

    @GET
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "List partners", description = "Every registered partner with its grants.")
    @APIResponse(responseCode = "200", description = "The partners")
    public List<PartnerView> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Get a partner", description = "A partner may read its own registration.")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "403", description = "Another partner's registration")
    @APIResponse(responseCode = "404", description = "No such partner")
    public PartnerView get(
            @PathParam("id") @Parameter(description = "The partner's id", example = "post-office-lc") String id) {
        if (caller.isPartner() && !id.equals(caller.partnerId())) {
            throw new ProblemException(403, "forbidden", "Not allowed", "A partner reads only its own registration",
                    List.of());
        }
        return service.get(id);
    }

    @POST
    @Path("/{id}/keys")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Issue an API key", description = "Returns a new key once; only its hash is kept, so it "
            + "cannot be shown again. The partner exchanges it at the gateway (POST /auth/partner-token).")
    @APIResponse(responseCode = "201", description = "The key, shown this once",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    @APIResponse(responseCode = "404", description = "No such partner")
    public Response issueKey(
            @PathParam("id") @Parameter(description = "The partner's id", example = "post-office-lc") String id) {
        return Response.status(Response.Status.CREATED).entity(service.issueKey(id)).build();
    }

    @GET
    @Path("/{id}/keys")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "List a partner's API keys", description = "Key ids, prefixes and states; never a secret.")
    @APIResponse(responseCode = "200", description = "The keys")
    @APIResponse(responseCode = "404", description = "No such partner")
    public List<KeyView> keys(
            @PathParam("id") @Parameter(description = "The partner's id", example = "post-office-lc") String id) {
        return service.keys(id);
    }

    @POST
    @Path("/{id}/keys/{keyId}/rotation")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Rotate an API key", description = "Issues a new key (shown once) and lets the old one "
            + "work for the grace period, or revokes it at once when the grace period is zero or absent.")
    @APIResponse(responseCode = "201", description = "The new key, shown this once, and the old key's state",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    @APIResponse(responseCode = "404", description = "No such partner or key")
    @APIResponse(responseCode = "409", description = "The key is already revoked or expired")
    public Response rotate(
            @PathParam("id") @Parameter(description = "The partner's id", example = "post-office-lc") String id,
            @PathParam("keyId") @Parameter(description = "The key's id", example = "k3f9a1c07") String keyId,
            Rotation rotation) {
        return Response.status(Response.Status.CREATED)
                .entity(service.rotate(id, keyId, rotation == null ? null : rotation.gracePeriod())).build();
    }

    @DELETE
    @Path("/{id}/keys/{keyId}")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Revoke an API key", description = "The key stops working at once; revoking twice is harmless.")
    @APIResponse(responseCode = "200", description = "The revoked key",
            content = @Content(schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "404", description = "No such partner or key")
    public KeyView revoke(
            @PathParam("id") @Parameter(description = "The partner's id", example = "post-office-lc") String id,
            @PathParam("keyId") @Parameter(description = "The key's id", example = "k3f9a1c07") String keyId) {
        return service.revoke(id, keyId);
    }
}
