package vn.commops.gateway.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.gateway.problem.Problem;

@Path("/auth")
@Tag(name = "Authentication", description = "Tokens for local runs, and the keys that verify them")
@SecurityRequirements
public class AuthResource {

    private final DevIssuer issuer;

    AuthResource(DevIssuer issuer) {
        this.issuer = issuer;
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
    @APIResponse(responseCode = "400", description = "No username",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "The development issuer is off, or no such demo user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response devToken(DevTokenRequest request) {
        if (!issuer.enabled()) {
            return notFound("The development issuer is off");
        }
        if (request == null || request.username() == null || request.username().isBlank()) {
            return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(400, "validation",
                    "Request is not valid", "username: must not be blank", null)).build();
        }
        return DemoUser.named(request.username())
                .map(user -> Response.ok(issuer.issue(user.grantedInstead(request.orgUnits()))).build())
                .orElseGet(() -> notFound("No demo user '" + request.username() + "'; use one of "
                        + DemoUser.usernames()));
    }

    @GET
    @Path("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The development issuer's public keys",
            description = "A JSON Web Key Set; services verify development tokens with it.")
    @APIResponse(responseCode = "200", description = "The key set")
    @APIResponse(responseCode = "404", description = "The development issuer is off",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response keys() {
        if (!issuer.enabled()) {
            return notFound("The development issuer is off");
        }
        return Response.ok(issuer.publicKeys()).build();
    }

    private static Response notFound(String detail) {
        return Response.status(404).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(404, "not-found", "Not found", detail, null)).build();
    }
}
