package vn.commops.activity.partner;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.activity.partner.PartnerViews.Credential;

/** The exchange the gateway calls to turn a partner's API key into its grants (and then a short-lived token). */
@Path("/api/v1/partners/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class PartnerCredentialResource {

    private final PartnerService service;

    PartnerCredentialResource(PartnerService service) {
        this.service = service;
    }

    @POST
    @Path("/introspect")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "Introspect a partner API key", description = "The key in X-Api-Key is the credential: "
            + "answers the partner it belongs to, its granted org units and forms, or 401 when the key is unknown, "
            + "revoked or expired.")
    @APIResponse(responseCode = "200", description = "The key's partner and grants",
            content = @Content(schema = @Schema(implementation = Credential.class)))
    @APIResponse(responseCode = "401", description = "Unknown, revoked or expired key")
    public Credential introspect(@HeaderParam("X-Api-Key") @Parameter(description = "The partner's API key",
            example = "cok_3f9a1c07_q0Hk…") String key) {
        return service.introspect(key);
    }
}
