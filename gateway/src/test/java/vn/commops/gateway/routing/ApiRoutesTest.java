package vn.commops.gateway.routing;

import static vn.commops.gateway.support.SignedIn.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.RawHttp;
import vn.commops.gateway.support.SignedIn;
import vn.commops.gateway.support.StubServices;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
class ApiRoutesTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void eachPrefixGoesToTheServiceThatOwnsIt() {
        given().get("/api/v1/org-units/LC").then().statusCode(200)
                .body("service", equalTo("plan")).body("uri", equalTo("/api/v1/org-units/LC"));
        given().get("/api/v1/activities").then().statusCode(200).body("service", equalTo("activity"));
        given().get("/api/v1/data-elements/population?year=2025").then().statusCode(200)
                .body("service", equalTo("indicator")).body("uri", equalTo("/api/v1/data-elements/population?year=2025"));
    }

    @Test
    void vietnameseBodyHeadersAndStatusPassThroughUntouched() {
        String body = "{\"name\":\"Xã Hồ Phai\",\"keyMessage\":\"Tham gia BHXH tự nguyện — an sinh cho mọi người\"}";

        Response response = given().urlEncodingEnabled(false).contentType(ContentType.JSON.withCharset("UTF-8"))
                .header("If-Match", "\"3\"").header("Idempotency-Key", "a1b2")
                .body(body)
                .when().post("/api/v1/activities?q=h%E1%BB%93%20phai");

        response.then().statusCode(201)
                .header("X-Served-By", "activity")
                .body("body", equalTo(body))
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/activities?q=h%E1%BB%93%20phai"))
                .body("headers.if-match", equalTo("\"3\""))
                .body("headers.idempotency-key", equalTo("a1b2"))
                .body("headers.content-type", containsString("application/json"));
    }

    @Test
    void aRequestWithoutIdGetsOneThatTheServiceAlsoSees() {
        Response response = given().get("/api/v1/plans");

        String id = response.header(RequestIds.HEADER);
        response.then().statusCode(200).header(RequestIds.HEADER, matchesPattern(UUID))
                .body("headers.x-request-id", equalTo(id));
        assertEquals(1, response.headers().getValues(RequestIds.HEADER).size(), "exactly one request id");
    }

    @Test
    void aSaneClientRequestIdIsKeptAndAnInsaneOneReplaced() {
        given().header(RequestIds.HEADER, "mobile-7f3a.42").get("/api/v1/plans")
                .then().header(RequestIds.HEADER, "mobile-7f3a.42").body("headers.x-request-id", equalTo("mobile-7f3a.42"));
        given().header(RequestIds.HEADER, "evil\" id with spaces").get("/api/v1/plans")
                .then().header(RequestIds.HEADER, matchesPattern(UUID));
    }

    @Test
    void gatewayAnswersAlsoCarryARequestId() {
        given().get("/q/health/ready").then().header(RequestIds.HEADER, matchesPattern(UUID));
        given().get("/api/v1/nothing-here").then().header(RequestIds.HEADER, matchesPattern(UUID));
    }

    @Test
    void theServiceIsToldWhoCalledAndHow() {
        given().header("X-Forwarded-For", "203.0.113.9").get("/api/v1/campaigns")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("203.0.113.9, 127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", matchesPattern("localhost:\\d+"));
    }

    @Test
    void unknownApiPathIsAProblem() {
        given().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/nothing-here"))
                .body("detail", containsString("/api/v1/nothing-here"));
    }

    @Test
    void aPrefixOwnsWholeSegmentsOnly() {
        given().get("/api/v1/plansx").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void dotSegmentsAreRefusedUnderApi() throws Exception {
        RawHttp.Reply reply = RawHttp.send(port(), "GET /api/v1/plans/../activities/7 HTTP/1.1\r\n"
                + "Host: localhost\r\n" + SignedIn.authorizationLine() + "Connection: close\r\n\r\n");

        assertEquals(400, reply.status());
        assertTrue(reply.text().contains("urn:commops:problem:bad-path"), reply.text());
    }

    @Test
    void dotSegmentsCannotReachAServicesInternalPaths() throws Exception {
        RawHttp.Reply reply = RawHttp.send(port(), "GET /api/v1/plans/../../../q/health/ready HTTP/1.1\r\n"
                + "Host: localhost\r\n" + SignedIn.authorizationLine() + "Connection: close\r\n\r\n");

        // The router resolves the dots first: this is the gateway's own readiness, not the plan service's.
        assertTrue(reply.text().contains("gateway routes"), reply.text());
    }

    @Test
    void aServiceThatIsDownIsAServiceUnavailableProblem() {
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body("{\"text\":\"Phản ánh\"}")
                .post("/api/v1/feedback")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header(RequestIds.HEADER, matchesPattern(UUID))
                .body("type", equalTo("urn:commops:problem:service-unavailable"))
                .body("detail", containsString("crisis service"))
                .body("instance", equalTo("/api/v1/feedback"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aServiceThatIsDownSaysWhenToTryAgain() {
        given().get("/api/v1/crisis-cases").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void aSilentServiceIsAGatewayTimeoutProblem() {
        given().header("Accept-Language", "en").get("/api/v1/statistics/slow").then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:gateway-timeout"))
                .body("detail", containsString("indicator service"));
    }

    @Test
    void aSlowUploadDoesNotUseUpTheServicesTime() throws Exception {
        // Eight parts 400 ms apart: longer than the 2 s the (test) service is given to answer.
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            parts.add(("5\r\npart" + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        parts.add("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        RawHttp.Reply reply = RawHttp.sendInParts(port(), "POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\n" + SignedIn.authorizationLine()
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n", parts, 400);

        assertEquals(201, reply.status(), reply.text());
        assertTrue(reply.text().contains("\"bodyBytes\":40"), reply.text());
    }

    @Test
    void a50MegabyteUploadStreamsThrough() {
        byte[] upload = new byte[50 * 1000 * 1000];
        for (int i = 0; i < upload.length; i++) {
            upload[i] = (byte) (i * 31 + (i >>> 11));
        }

        given().contentType("application/x-ndjson").body(upload).post("/api/v1/imports")
                .then().statusCode(201)
                .body("bodyBytes", equalTo(upload.length))
                .body("bodySha256", equalTo(sha256(upload)));
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        RawHttp.Reply reply = RawHttp.send(port(), "POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\n" + SignedIn.authorizationLine()
                + "Content-Type: application/json\r\nContent-Length: 60000000\r\n\r\n");

        assertEquals(413, reply.status());
        assertTrue(reply.text().contains("urn:commops:problem:payload-too-large"), reply.text());
    }

    @Test
    void requestsAreCountedPerRouteNotPerPath() {
        given().get("/api/v1/trainings/T-1").then().statusCode(200);
        given().get("/api/v1/trainings/T-2").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> lines = metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count")
                && line.contains("/api/v1/trainings")).toList();
        assertTrue(lines.stream().allMatch(line -> line.contains("uri=\"/api/v1/trainings/*\"")), lines.toString());
        assertTrue(!lines.isEmpty(), metrics);
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
