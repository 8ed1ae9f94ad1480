package vn.commops.gateway.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import vn.commops.gateway.problem.Problem;
import vn.commops.gateway.problem.ProblemWriter;

@Path("/auth")
@Tag(name = "Authentication", description = "Partner tokens for API keys, development tokens, and the keys that verify them")
@SecurityRequirements
public class AuthResource {

    private static final Logger LOG = Logger.getLogger(AuthResource.class);

    private final DevIssuer issuer;
    private final PlatformKeySet keySet;
    private final PartnerCredentials partners;
    private final TokenSigner signer;
    private final AuthConfig config;

    AuthResource(DevIssuer issuer, PlatformKeySet keySet, PartnerCredentials partners, TokenSigner signer,
            AuthConfig config) {
        this.issuer = issuer;
        this.keySet = keySet;
        this.partners = partners;
        this.signer = signer;
        this.config = config;
    }

    @POST
    @Path("/partner-token")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a partner's API key for a short-lived token",
            description = "Partner organisations send the API key the national centre issued them (shown once, "
                    + "stored hashed by the partner registry) in the X-Api-Key header and get a bearer token of "
                    + "role partner, granted the org units of their registration, valid for minutes. Every "
                    + "service checks the partner's grants again on each call.")
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    @APIResponse(responseCode = "401", description = "No API key, or an unknown, revoked or expired one, or "
            + "something not shaped like a key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "The partner registry cannot be asked right now; "
            + "Retry-After says when to try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response partnerToken(
            @Parameter(description = "The partner's API key", example = "cok_3q2xYf0N8mVb4hJ7rT1wKc9LpZ6sDe5a",
                    required = true) @HeaderParam("X-Api-Key") String apiKey,
            @Context HttpHeaders headers) {
        if (apiKey == null || apiKey.isBlank()) {
            return unauthenticated("Send the partner's API key in the X-Api-Key header", "no-api-key", headers);
        }
        try {
            return partners.partnerFor(apiKey.trim())
                    .map(partner -> Response.ok(signer.sign(new TokenSigner.Holder("partner:" + partner.partnerId(),
                            List.of("partner"), partner.orgUnits(), partner.partnerId()),
                            config.partnerTokens().ttl())).build())
                    .orElseGet(() -> unauthenticated("The API key is unknown, revoked or expired", "bad-api-key",
                            headers));
        } catch (PartnerCredentials.RegistryUnavailable e) {
            LOG.warnf("Partner token refused for now: %s", e.getCause() == null ? e.getMessage()
                    : e.getMessage() + ": " + e.getCause());
            return ProblemWriter.response(Problem.of(503, "service-unavailable", "Service Unavailable",
                    "The partner registry cannot be asked right now; try again shortly", "/auth/partner-token")
                    .worded("partner-registry-unavailable"), headers).header("Retry-After", "5").build();
        }
    }

    /** @param wording the key of the detail in other languages */
    private static Response unauthenticated(String detail, String wording, HttpHeaders headers) {
        return ProblemWriter.response(Problem.of(401, "unauthenticated", "Authentication required", detail,
                "/auth/partner-token").worded(wording), headers).header("WWW-Authenticate", "ApiKey").build();
    }

    @POST
    @Path("/dev-token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a token for a demo user",
            description = "Development issuer only (commops.auth.dev-issuer.enabled); production takes tokens "
                    + "from the agency's OIDC issuer. One demo user per role.")
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    @APIResponse(responseCode = "400", description = "No username, or a body not read as sent: a key twice, "
            + "trailing content, a value of another type, a control character (the field is named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "The development issuer is off, or no such demo user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response devToken(DevTokenRequest request, @Context HttpHeaders headers) {
        if (!issuer.enabled()) {
            return ProblemWriter.response(notFound("The development issuer is off").worded("dev-issuer-off"),
                    headers).build();
        }
        if (request == null || request.username() == null || request.username().isBlank()) {
            return ProblemWriter.response(Problem.of(400, "validation", "Request is not valid",
                    "username: must not be blank", null).worded("blank-username"), headers).build();
        }
        return DemoUser.named(request.username())
                .map(user -> Response.ok(issuer.issue(user.grantedInstead(request.orgUnits()))).build())
                .orElseGet(() -> ProblemWriter.response(noDemoUser(request.username()), headers).build());
    }

    private static Problem noDemoUser(String username) {
        String usernames = DemoUser.usernames().toString();
        return notFound("No demo user '" + username + "'; use one of " + usernames)
                .worded("no-demo-user", username, usernames);
    }

    @GET
    @Path("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The platform's public keys",
            description = "A JSON Web Key Set: the key the gateway signs partner (and development) tokens with, "
                    + "and the agency issuer's keys when one is configured. Services verify every token with it.")
    @APIResponse(responseCode = "200", description = "The key set")
    public Response keys() {
        return Response.ok(keySet.json()).build();
    }

    private static Problem notFound(String detail) {
        return Problem.of(404, "not-found", "Not found", detail, null);
    }
}
