package vn.commops.gateway.traffic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.StubServices;

/** Three requests at once, then one every ten seconds: small enough to reach in a test, never refilled during one. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
@TestProfile(RateLimitTest.TinyLimit.class)
class RateLimitTest {

    /** Whatever comes after the limiter (authentication, the service) answers, as long as it is not a 429. */
    private static final Matcher<Integer> LET_THROUGH = not(equalTo(429));

    public static class TinyLimit implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "commops.gateway.rate-limit.requests-per-second", "0.1",
                    "commops.gateway.rate-limit.burst", "3",
                    // Only the local peer is a trusted proxy: its X-Forwarded-For names the client.
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void aClientOverItsLimitIsToldToComeBackLater() {
        String token = "Bearer " + UUID.randomUUID();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("Authorization", token).get("/api/v1/plans").then().statusCode(LET_THROUGH)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }

        given().header("Authorization", token).get("/api/v1/plans/7").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9]|10"))
                .header("RateLimit-Remaining", "0")
                .header("X-Request-Id", matchesPattern(".+"))
                .header("Content-Language", "vi")
                .body("type", equalTo("urn:commops:problem:rate-limited"))
                .body("title", equalTo("Quá nhiều yêu cầu"))
                .body("detail", startsWith("Máy khách này đã gửi nhiều yêu cầu hơn mức cổng API chấp nhận"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/api/v1/plans/7"));
        given().header("Authorization", token).header("Accept-Language", "en").get("/api/v1/plans/7")
                .then().statusCode(429)
                .header("Content-Language", "en")
                .body("title", equalTo("Too Many Requests"))
                .body("detail", startsWith("This client sent more requests than the gateway accepts"));
    }

    @Test
    void anotherCredentialIsNotHeldBack() {
        String limited = "Bearer " + UUID.randomUUID();
        exhaust("Authorization", limited);

        given().header("Authorization", "Bearer " + UUID.randomUUID()).get("/api/v1/activities").then().statusCode(LET_THROUGH);
        given().header("Authorization", "ApiKey " + UUID.randomUUID()).get("/api/v1/activities").then().statusCode(LET_THROUGH);
        given().header("Authorization", limited).get("/api/v1/activities").then().statusCode(429);
    }

    @Test
    void aClientWithoutCredentialIsCountedByItsAddressAsATrustedProxyReportsIt() {
        exhaust("X-Forwarded-For", "198.51.100.7");

        given().header("X-Forwarded-For", "198.51.100.8").get("/api/v1/plans").then().statusCode(LET_THROUGH);
        given().header("X-Forwarded-For", "198.51.100.7").get("/api/v1/plans").then().statusCode(429);
    }

    @Test
    void aPeerThatIsNotTrustedCannotPickItsOwnAddress() throws IOException {
        // 127.0.0.2 is not a trusted proxy: its X-Forwarded-For is ignored, however often it changes.
        int lastStatus = 0;
        for (int i = 1; i <= 4; i++) {
            lastStatus = statusFrom("127.0.0.2", "GET /api/v1/plans HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Forwarded-For: 203.0.113." + i + "\r\nConnection: close\r\n\r\n");
        }

        assertEquals(429, lastStatus);
    }

    @Test
    void onlyTheApiIsLimited() {
        exhaust("X-Forwarded-For", "198.51.100.9");

        given().header("X-Forwarded-For", "198.51.100.9").get("/q/health/ready").then().statusCode(200);
    }

    private static void exhaust(String header, String value) {
        int status = 0;
        for (int i = 0; i < 4; i++) {
            status = given().header(header, value).get("/api/v1/plans").statusCode();
        }
        assertEquals(429, status, "the fourth request within ten seconds is one too many");
    }

    private static int statusFrom(String localAddress, String head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port,
                InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 "), reply);
            return Integer.parseInt(reply.substring(9, 12));
        }
    }
}
