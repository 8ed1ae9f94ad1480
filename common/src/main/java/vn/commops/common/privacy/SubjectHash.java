package vn.commops.common.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash of a person's identifier, so that the record of an erasure can be matched to a later request
 * from the same person without keeping who they are: a plain hash of a phone number is reversed by trying
 * every number, a keyed one is not without the key, which lives in configuration, not in the database.
 */
public final class SubjectHash {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private SubjectHash(SecretKeySpec key) {
        this.key = key;
    }

    /** No key configured: erasures are recorded without a subject hash. */
    public static Optional<SubjectHash> withKey(Optional<String> secret) {
        return secret.filter(s -> !s.isBlank())
                .map(s -> new SubjectHash(new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), ALGORITHM)));
    }

    /** The hash of an identifier already in its one spelling ({@link ContactIdentifiers#of}). */
    public String of(String identifier) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
