package vn.commops.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.RawHttp;
import vn.commops.gateway.support.SignedIn;
import vn.commops.gateway.support.StubServices;

/** The limit also holds for chunked uploads, which declare no length to refuse them by up front. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
@TestProfile(BodyLimitTest.SmallLimit.class)
class BodyLimitTest {

    public static class SmallLimit implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commops.gateway.max-body-size", "64K");
        }
    }

    @Test
    void aChunkedUploadWithinTheLimitStreamsThrough() throws Exception {
        RawHttp.Reply reply = RawHttp.send(RestAssured.port, chunkedHead(), chunked(40 * 1024, true));

        assertEquals(201, reply.status(), reply.text());
        assertTrue(reply.text().contains("\"bodyBytes\":40960"), reply.text());
    }

    @Test
    void aChunkedUploadPastTheLimitIsCutOffWithAProblem() throws Exception {
        // No final chunk: the gateway must answer while the upload is still open.
        RawHttp.Reply reply = RawHttp.send(RestAssured.port, chunkedHead(), chunked(80 * 1024, false));

        assertEquals(413, reply.status(), reply.text());
        assertTrue(reply.text().contains("urn:commops:problem:payload-too-large"), reply.text());
        assertTrue(reply.text().contains("application/problem+json"), reply.text());
    }

    private static String chunkedHead() {
        return "POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\n" + SignedIn.authorizationLine() + "Content-Type: application/x-ndjson\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    }

    private static byte[] chunked(int size, boolean finished) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        Arrays.fill(chunk, (byte) 'x');
        for (int sent = 0; sent < size; sent += chunk.length) {
            out.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(chunk);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (finished) {
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
