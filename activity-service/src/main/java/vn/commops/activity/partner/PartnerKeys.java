package vn.commops.activity.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key material: {@code cok_<key id>_<256 random bits>}. Only the SHA-256 of the whole key is kept;
 * a fast hash is enough because the key is random, not a password anyone could guess.
 */
final class PartnerKeys {

    static final String PREFIX = "cok_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PartnerKeys() {
    }

    record Material(String keyId, String prefix, String key, String hash) {
    }

    static Material generate() {
        byte[] id = new byte[5];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String key = PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Material("k" + keyId, PREFIX + keyId, key, hash(key));
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
