package vn.commops.activity.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.commops.common.problem.ProblemException;

/**
 * The subscriptions' signing secrets: made here, shown once, kept encrypted. A secret has to sign, so unlike an
 * API key it cannot be kept as a hash; AES-GCM with a key from configuration keeps a copy of the database (a
 * backup, a replica, a dump for support) from giving every receiver's secret away.
 */
@ApplicationScoped
public class SigningSecrets {

    static final String PREFIX = "whsec_";
    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    SigningSecrets(WebhooksConfig config) {
        this.key = config.secretKey().map(SigningSecrets::aesKey).orElse(null);
    }

    /** For tests of the cipher alone. */
    SigningSecrets(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    private static SecretKeySpec aesKey(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("commops.webhooks.secret-key must be the Base64 of 32 bytes, not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A new secret, {@code whsec_} and 256 random bits, as the receiver will use it. */
    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    String encrypt(String secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a signing secret", e);
        }
    }

    String decrypt(String stored) {
        if (!stored.startsWith(FORMAT)) {
            throw new IllegalStateException("A signing secret is stored in an unknown format");
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a signing secret: was commops.webhooks.secret-key changed?",
                    e);
        }
    }

    boolean configured() {
        return key != null;
    }

    /** Refuses, as a problem the API can answer, when no key was configured. */
    void requireConfigured() {
        if (key == null) {
            throw new ProblemException(503, "webhooks-not-configured", "Webhooks are not configured",
                    "No key to encrypt signing secrets with (COMMOPS_WEBHOOKS_SECRET_KEY)", List.of());
        }
    }

    private SecretKeySpec requireKey() {
        requireConfigured();
        return key;
    }
}
