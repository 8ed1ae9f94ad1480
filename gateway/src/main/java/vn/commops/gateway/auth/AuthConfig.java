package vn.commops.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "commops.auth")
public interface AuthConfig {

    /** The {@code iss} of every token the platform accepts, the gateway's own included. */
    @WithDefault("commops-dev")
    String issuer();

    /**
     * The agency's OIDC issuer's JSON Web Key Set. Staff tokens are verified with it, and the gateway
     * republishes its keys beside its own at {@code /auth/jwks.json}, so services need one key set.
     */
    Optional<String> externalJwksUrl();

    /**
     * A PKCS#8 PEM file with the RSA private key the gateway signs its tokens with (partner tokens,
     * development tokens). Unset: a new key is made at each start, which suits one gateway instance.
     */
    Optional<String> signingKeyLocation();

    DevIssuer devIssuer();

    PartnerTokens partnerTokens();

    interface DevIssuer {
        /** Local runs and tests only: the gateway signs tokens for demo users. Off in production. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT8H")
        Duration tokenTtl();
    }

    interface PartnerTokens {
        /** Short, so that revoking a partner's API key takes effect within this time. */
        @WithDefault("PT15M")
        Duration ttl();

        /** The activity service's endpoint that tells which partner an API key belongs to. */
        @WithDefault("/api/v1/partners/credentials/introspect")
        String introspectionPath();

        @WithDefault("5s")
        Duration timeout();
    }
}
