package vn.commops.common.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs tokens the way the platform's issuer does, with a key pair of this test run; the services
 * under test trust its public key (see {@link RealInfrastructure}).
 */
public final class TestTokens {

    public static final String ISSUER = "commops-test";
    private static final KeyPair KEYS = generate();
    private static final KeyPair FORGER = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    /** The PEM file of the public key the services under test verify with. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("commops-test-issuer", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /** A valid token for a user with these roles, acting on these org-unit subtrees. */
    public static String token(String user, List<String> roles, List<String> orgUnits) {
        return sign(claims(user, roles, orgUnits, Instant.now().plus(Duration.ofMinutes(15))), KEYS.getPrivate());
    }

    public static String expired(String user, List<String> roles) {
        return sign(claims(user, roles, List.of(), Instant.now().minus(Duration.ofHours(1))), KEYS.getPrivate());
    }

    /** Well-formed and claiming the right issuer, but signed by a key nobody trusts. */
    public static String forged(String user, List<String> roles) {
        return sign(claims(user, roles, List.of(), Instant.now().plus(Duration.ofMinutes(15))), FORGER.getPrivate());
    }

    public static RequestSpecification as(String role, String... orgUnits) {
        return RestAssured.given().auth().oauth2(token(role + "-user", List.of(role), List.of(orgUnits)));
    }

    public static RequestSpecification asNationalAdmin() {
        return as("national-admin");
    }

    public static RequestSpecification asPartner(String partnerId, String... orgUnits) {
        JwtClaims claims = claims(partnerId, List.of("partner"), List.of(orgUnits),
                Instant.now().plus(Duration.ofMinutes(15)));
        claims.setClaim("partner_id", partnerId);
        return RestAssured.given().auth().oauth2(sign(claims, KEYS.getPrivate()));
    }

    private static JwtClaims claims(String user, List<String> roles, List<String> orgUnits, Instant expiry) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setStringListClaim("groups", roles);
        claims.setStringListClaim("org_units", orgUnits);
        claims.setIssuedAt(NumericDate.fromMilliseconds(expiry.minus(Duration.ofMinutes(15)).toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expiry.toEpochMilli()));
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
