package vn.commops.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs tokens for local runs and tests. Its key lives in memory and a new one (with a new key id)
 * is made at each start, so nothing secret is ever written down; services find the key at
 * {@code /auth/jwks.json}.
 */
@ApplicationScoped
public class DevIssuer {

    private final AuthConfig config;
    private final RsaJsonWebKey key;

    DevIssuer(AuthConfig config) throws JoseException {
        this.config = config;
        this.key = RsaJwkGenerator.generateJwk(2048);
        this.key.setKeyId("dev-" + UUID.randomUUID());
        this.key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        this.key.setUse("sig");
    }

    public boolean enabled() {
        return config.devIssuer().enabled();
    }

    public PublicKey publicKey() {
        return key.getPublicKey();
    }

    public String publicKeys() {
        return "{\"keys\":[" + key.toJson(RsaJsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
    }

    public IssuedToken issue(DemoUser user) {
        Instant now = Instant.now();
        Instant expiry = now.plus(config.devIssuer().tokenTtl());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setSubject(user.username());
        claims.setClaim("upn", user.username());
        claims.setStringListClaim("groups", user.roles());
        claims.setStringListClaim("org_units", user.orgUnits());
        if (user.partnerId() != null) {
            claims.setClaim("partner_id", user.partnerId());
        }
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key.getPrivateKey());
        signature.setKeyIdHeaderValue(key.getKeyId());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return new IssuedToken(signature.getCompactSerialization(), "Bearer",
                    config.devIssuer().tokenTtl().toSeconds(), user.roles(), user.orgUnits());
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }
}
