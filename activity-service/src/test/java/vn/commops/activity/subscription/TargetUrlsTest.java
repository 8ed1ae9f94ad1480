package vn.commops.activity.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetUrlsTest {

    private final TargetUrls strict = new TargetUrls(settings(false, false));
    private final TargetUrls local = new TargetUrls(settings(true, true));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe",
            "224.0.0.1", "255.255.255.255"})
    void internalAddressesAreRecognised(String address) throws Exception {
        assertTrue(TargetUrls.isInternal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "203.113.131.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    void publicAddressesAreNot(String address) throws Exception {
        assertFalse(TargetUrls.isInternal(InetAddress.getByName(address)), address);
    }

    @Test
    void onlyHttpsUnlessHttpIsAllowed() {
        assertEquals(Optional.of("must be an https URL"), strict.refusal("http://8.8.8.8/hook"));
        assertEquals(Optional.of("must be an https URL"), strict.refusal("ftp://8.8.8.8/hook"));
        assertEquals(Optional.empty(), strict.refusal("https://8.8.8.8/hook"));
        assertEquals(Optional.empty(), local.refusal("http://127.0.0.1:9999/hook"));
    }

    @Test
    void loopbackAndMetadataAddressesAreRefusedUnlessAllowed() {
        assertEquals(Optional.of("host '127.0.0.1' resolves to an internal address"),
                strict.refusal("https://127.0.0.1/hook"));
        assertEquals(Optional.of("host '169.254.169.254' resolves to an internal address"),
                strict.refusal("https://169.254.169.254/latest/meta-data"));
        assertTrue(strict.refusal("https://localhost/hook").isPresent());
    }

    @Test
    void credentialsFragmentsAndHostlessUrlsAreRefused() {
        assertEquals(Optional.of("must not hold credentials"), strict.refusal("https://user:pw@8.8.8.8/hook"));
        assertEquals(Optional.of("must not hold a fragment"), strict.refusal("https://8.8.8.8/hook#x"));
        assertEquals(Optional.of("must name a host"), strict.refusal("https:///hook"));
        assertEquals(Optional.of("is not a valid URL"), strict.refusal("https://8.8.8.8/a b"));
    }

    private static WebhooksConfig settings(boolean allowHttp, boolean allowPrivate) {
        return new WebhooksConfig() {
            public Optional<String> secretKey() {
                return Optional.empty();
            }

            public boolean allowHttp() {
                return allowHttp;
            }

            public boolean allowPrivateTargets() {
                return allowPrivate;
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }

            public int senders() {
                return 8;
            }

            public int sendersPerSubscription() {
                return 2;
            }

            public int maxAttempts() {
                return 8;
            }

            public Duration initialBackoff() {
                return Duration.ofSeconds(10);
            }

            public Duration maxBackoff() {
                return Duration.ofHours(1);
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            public Duration retention() {
                return Duration.ofDays(7);
            }
        };
    }
}
