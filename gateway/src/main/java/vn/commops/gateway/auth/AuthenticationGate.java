package vn.commops.gateway.auth;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpMethod;
import org.eclipse.microprofile.jwt.JsonWebToken;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Optional;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import vn.commops.gateway.problem.Problem;
import vn.commops.gateway.problem.ProblemWriter;

/**
 * The first wall: nothing reaches a service under {@code /api} without a valid bearer token. The
 * services check roles and org units again themselves; this only keeps out the unauthenticated.
 */
@ApplicationScoped
public class AuthenticationGate {

    /** After request ids and rate limits, before routing to a service. */
    static final int AUTHENTICATION_ORDER = -100;
    private static final String BEARER = "Bearer ";

    private final JWTParser parser;
    private final SigningKey ownKey;
    private final Optional<JWTAuthContextInfo> externalIssuer;
    private final ProblemWriter problems;
    private final VerifiedTokens verified = new VerifiedTokens(50_000);

    AuthenticationGate(JWTParser parser, SigningKey ownKey, AuthConfig config, ProblemWriter problems) {
        this.parser = parser;
        this.ownKey = ownKey;
        this.externalIssuer = config.externalJwksUrl().map(url -> new JWTAuthContextInfo(url, config.issuer()));
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(AUTHENTICATION_ORDER).handler(this::authenticate);
    }

    private void authenticate(RoutingContext context) {
        if (context.request().method() == HttpMethod.OPTIONS) {
            context.next(); // CORS preflights carry no credentials
            return;
        }
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(context, "Send a bearer token in the Authorization header", "no-bearer-token");
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        if (verified.isVerified(token, Instant.now().getEpochSecond())) {
            context.next();
            return;
        }
        // Verifying may fetch the issuer's keys over HTTP: never on the event loop.
        context.vertx().<Boolean>executeBlocking(() -> verifies(token), false).onComplete(verified -> {
            if (verified.succeeded() && verified.result()) {
                context.next();
            } else {
                refuse(context, "The bearer token is invalid or expired", "bad-bearer-token");
            }
        });
    }

    private boolean verifies(String token) {
        try {
            // The key id says who signed it: the gateway itself (partner and development tokens) or the issuer.
            String keyId = JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
            JsonWebToken parsed;
            if (ownKey.keyId().equals(keyId)) {
                parsed = parser.verify(token, ownKey.jwk().getPublicKey());
            } else if (externalIssuer.isPresent()) {
                parsed = parser.parse(token, externalIssuer.get());
            } else {
                return false;
            }
            verified.remember(token, parsed.getExpirationTime());
            return true;
        } catch (ParseException | JoseException e) {
            return false;
        }
    }

    /** @param wording the key of the detail in other languages */
    private void refuse(RoutingContext context, String detail, String wording) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        problems.send(context, Problem.of(401, "unauthenticated", "Authentication required", detail,
                context.request().path()).worded(wording));
    }
}
