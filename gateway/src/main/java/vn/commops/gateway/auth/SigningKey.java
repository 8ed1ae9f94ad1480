package vn.commops.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The key the gateway signs its own tokens with. Read from a configured PEM file (a secret mounted
 * at run time, never in the repository), or made afresh at each start so that nothing secret is
 * ever written down.
 */
@ApplicationScoped
public class SigningKey {

    private final RsaJsonWebKey key;

    SigningKey(AuthConfig config) throws JoseException, IOException, GeneralSecurityException {
        this.key = config.signingKeyLocation().isPresent()
                ? fromPem(Path.of(config.signingKeyLocation().get()))
                : generated();
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
    }

    RsaJsonWebKey jwk() {
        return key;
    }

    String keyId() {
        return key.getKeyId();
    }

    String publicJwk() {
        return key.toJson(RsaJsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static RsaJsonWebKey generated() throws JoseException {
        RsaJsonWebKey generated = RsaJwkGenerator.generateJwk(2048);
        generated.setKeyId("gateway-" + UUID.randomUUID());
        return generated;
    }

    private static RsaJsonWebKey fromPem(Path file) throws IOException, GeneralSecurityException, JoseException {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        var publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        RsaJsonWebKey loaded = new RsaJsonWebKey(publicKey);
        loaded.setPrivateKey(privateKey);
        // Same key, same id, across restarts and instances: services keep their cached key set.
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
        loaded.setKeyId("gateway-" + HexFormat.of().formatHex(digest, 0, 8));
        return loaded;
    }
}
