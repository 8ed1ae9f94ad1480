package vn.commops.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs the tokens the gateway itself hands out, in the shape every service reads (see {@code Caller}). */
@ApplicationScoped
public class TokenSigner {

    /** Who a token is for: its subject, roles, granted org units and, for a partner, which one. */
    public record Holder(String subject, List<String> roles, List<String> orgUnits, String partnerId) {
    }

    private final AuthConfig config;
    private final SigningKey key;

    TokenSigner(AuthConfig config, SigningKey key) {
        this.config = config;
        this.key = key;
    }

    public IssuedToken sign(Holder holder, Duration ttl) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setSubject(holder.subject());
        claims.setClaim("upn", holder.subject());
        claims.setStringListClaim("groups", holder.roles());
        claims.setStringListClaim("org_units", holder.orgUnits());
        if (holder.partnerId() != null) {
            claims.setClaim("partner_id", holder.partnerId());
        }
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key.jwk().getPrivateKey());
        signature.setKeyIdHeaderValue(key.keyId());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return new IssuedToken(signature.getCompactSerialization(), "Bearer", ttl.toSeconds(), holder.roles(),
                    holder.orgUnits());
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
