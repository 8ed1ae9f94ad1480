package vn.commops.gateway.routing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.gateway.support.SignedIn.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.RawHttp;
import vn.commops.gateway.support.SignedIn;
import vn.commops.gateway.support.StubServices;

/** What the HTTP layer would refuse with an empty answer, the gateway refuses with a problem, on every path. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class RequestChecksTest {

    @Test
    void aBrokenEscapeInAnApiPathIsAProblem() throws Exception {
        RawHttp.Reply reply = get("/api/v1/plans/%zz", SignedIn.authorizationLine());

        assertProblem(reply, 400, "bad-escape");
        assertTrue(reply.text().contains("\"field\":\"path\""), reply.text());
        assertTrue(reply.text().contains(RequestIds.HEADER), reply.text());
    }

    @Test
    void aBrokenEscapeInAnApiQueryIsAProblem() throws Exception {
        RawHttp.Reply reply = get("/api/v1/plans?q=%zz", SignedIn.authorizationLine());

        assertProblem(reply, 400, "bad-escape");
        assertTrue(reply.text().contains("\"field\":\"query\""), reply.text());
    }

    @Test
    void brokenEscapesOnTheGatewaysOwnEndpointsAreProblems() throws Exception {
        assertProblem(get("/auth/jwks.json?x=%zz", ""), 400, "bad-escape");
        assertProblem(get("/auth/dev-token%zz", ""), 400, "bad-escape");
        assertProblem(get("/openapi?format=%z", ""), 400, "bad-escape");
        assertProblem(get("/q/health?x=%", ""), 400, "bad-escape");
    }

    @Test
    void aCharacterAUrlMustEscapeIsAProblem() throws Exception {
        assertProblem(get("/api/v1/plans?q=a|b", SignedIn.authorizationLine()), 400, "bad-request");
        assertProblem(get("/api/v1/plans/\"7\"", SignedIn.authorizationLine()), 400, "bad-request");
        assertProblem(get("/openapi?format=\u0001", ""), 400, "bad-request");
    }

    @Test
    void aTenKilobyteUrlIsAProblem() {
        given().get("/api/v1/plans?q=" + "a".repeat(10 * 1024)).then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:uri-too-long"))
                .header(RequestIds.HEADER, matchesPattern("[0-9a-f-]{36}"));
        RestAssured.given().get("/auth/jwks.json?q=" + "a".repeat(10 * 1024)).then().statusCode(414)
                .contentType("application/problem+json");
    }

    @Test
    void aTwentyKilobyteHeaderIsAProblem() {
        given().header("X-Note", "n".repeat(20 * 1024)).get("/api/v1/plans").then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:headers-too-large"))
                .body("instance", equalTo("/api/v1/plans"));
        RestAssured.given().header("X-Note", "n".repeat(20 * 1024)).get("/openapi").then().statusCode(431)
                .contentType("application/problem+json");
    }

    @Test
    void aLongUrlAndLargeHeadersWithinTheLimitsPassThrough() {
        String query = "q=" + "a".repeat(7 * 1024);
        given().header("X-Note", "n".repeat(12 * 1024)).get("/api/v1/plans?" + query).then().statusCode(200)
                .body("uri", equalTo("/api/v1/plans?" + query))
                .body("headers.x-note.length()", equalTo(12 * 1024));
    }

    @Test
    void aControlCharacterInAGatewayParameterIsAProblemNamingIt() {
        RestAssured.given().urlEncodingEnabled(false).get("/openapi?format=%00").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:invalid-characters"))
                .body("errors[0].field", equalTo("format"))
                .body("detail", containsString("U+0000"));
    }

    @Test
    void underApiParametersAreTheServicesToJudge() {
        given().urlEncodingEnabled(false).get("/api/v1/plans?q=%00").then().statusCode(200)
                .body("uri", equalTo("/api/v1/plans?q=%00"));
    }

    private static RawHttp.Reply get(String target, String headers) throws Exception {
        return RawHttp.send(RestAssured.port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Connection: close\r\n\r\n");
    }

    private static void assertProblem(RawHttp.Reply reply, int status, String slug) {
        assertEquals(status, reply.status(), reply.text());
        assertTrue(reply.text().contains("Content-Type: application/problem+json"), reply.text());
        assertTrue(reply.text().contains("\"type\":\"urn:commops:problem:" + slug + "\""), reply.text());
    }
}
