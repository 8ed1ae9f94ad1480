package vn.commops.activity.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningSecretsTest {

    private final SigningSecrets secrets = new SigningSecrets(new byte[32]);

    @Test
    void aSecretComesBackFromItsCiphertextAndIsNotInIt() {
        String secret = SigningSecrets.generate();
        String stored = secrets.encrypt(secret);
        assertFalse(stored.contains(secret.substring(SigningSecrets.PREFIX.length())));
        assertEquals(secret, secrets.decrypt(stored));
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTime() {
        String secret = SigningSecrets.generate();
        assertNotEquals(secrets.encrypt(secret), secrets.encrypt(secret));
    }

    @Test
    void generatedSecretsCarry256RandomBits() {
        String secret = SigningSecrets.generate();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getUrlDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, SigningSecrets.generate());
    }

    @Test
    void aTamperedCiphertextOrAnotherKeyIsRefused() {
        String stored = secrets.encrypt(SigningSecrets.generate());
        char last = stored.charAt(stored.length() - 3);
        String tampered = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A')
                + stored.substring(stored.length() - 2);
        assertThrows(IllegalStateException.class, () -> secrets.decrypt(tampered));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(IllegalStateException.class, () -> new SigningSecrets(otherKey).decrypt(stored));
    }
}
