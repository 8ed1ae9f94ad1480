package vn.commops.activity.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"e1\",\"type\":\"activity.recorded\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyAsOpensslDoes() {
        // printf '1700000000.{"id":"e1","type":"activity.recorded"}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertEquals("sha256=c5a1e57825c3c9b74820a4a69b666da2ee5041d6fddce03cff6542259e760ebd",
                WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY));
    }

    @Test
    void anotherTimestampOrSecretGivesAnotherSignature() {
        String signature = WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY);
        assertNotEquals(signature, WebhookSignature.sign("whsec_test", 1_700_000_001L, BODY));
        assertNotEquals(signature, WebhookSignature.sign("whsec_other", 1_700_000_000L, BODY));
    }

    @Test
    void vietnameseTextIsSignedAsUtf8Bytes() {
        byte[] body = "{\"name\":\"Xã Hồ Phai\"}".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(WebhookSignature.sign("whsec_test", 1L, body),
                WebhookSignature.sign("whsec_test", 1L, "{\"name\":\"Xa Ho Phai\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
