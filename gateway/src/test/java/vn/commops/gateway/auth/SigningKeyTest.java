package vn.commops.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void aConfiguredKeyKeepsItsIdAcrossRestartsAndSignsVerifiably() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path pem = dir.resolve("signing-key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        SigningKey first = new SigningKey(config(Optional.of(pem.toString())));
        SigningKey restarted = new SigningKey(config(Optional.of(pem.toString())));

        assertEquals(first.keyId(), restarted.keyId());
        assertEquals(pair.getPublic(), first.jwk().getPublicKey());
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload("{}");
        signature.setAlgorithmHeaderValue("RS256");
        signature.setKey(first.jwk().getPrivateKey());
        JsonWebSignature verifying = new JsonWebSignature();
        verifying.setCompactSerialization(signature.getCompactSerialization());
        verifying.setKey(restarted.jwk().getPublicKey());
        assertEquals(true, verifying.verifySignature());
    }

    @Test
    void withoutAConfiguredKeyEachStartMakesANewOne() throws Exception {
        assertNotEquals(new SigningKey(config(Optional.empty())).keyId(),
                new SigningKey(config(Optional.empty())).keyId());
    }

    private static AuthConfig config(Optional<String> location) {
        return new AuthConfig() {
            @Override
            public String issuer() {
                return "commops-test";
            }

            @Override
            public Optional<String> externalJwksUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<String> signingKeyLocation() {
                return location;
            }

            @Override
            public DevIssuer devIssuer() {
                throw new UnsupportedOperationException();
            }

            @Override
            public PartnerTokens partnerTokens() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
