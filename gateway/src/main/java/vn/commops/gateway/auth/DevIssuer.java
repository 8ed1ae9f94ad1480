package vn.commops.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;

/** Tokens for demo users, for local runs and tests; off in production. */
@ApplicationScoped
public class DevIssuer {

    private final AuthConfig config;
    private final TokenSigner signer;

    DevIssuer(AuthConfig config, TokenSigner signer) {
        this.config = config;
        this.signer = signer;
    }

    public boolean enabled() {
        return config.devIssuer().enabled();
    }

    public IssuedToken issue(DemoUser user) {
        return signer.sign(new TokenSigner.Holder(user.username(), user.roles(), user.orgUnits(), user.partnerId()),
                config.devIssuer().tokenTtl());
    }
}
