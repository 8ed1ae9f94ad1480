package vn.commops.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "commops.auth")
public interface AuthConfig {

    /** The {@code iss} of every token the platform accepts. */
    @WithDefault("commops-dev")
    String issuer();

    /** The external issuer's JSON Web Key Set, used when the development issuer is off. */
    @WithDefault("http://127.0.0.1:8080/auth/jwks.json")
    String jwksUrl();

    DevIssuer devIssuer();

    interface DevIssuer {
        /** Local runs and tests only: the gateway signs tokens for demo users. Off in production. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT8H")
        Duration tokenTtl();
    }
}
