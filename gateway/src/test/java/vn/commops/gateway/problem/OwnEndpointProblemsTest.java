package vn.commops.gateway.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.RawHttp;
import vn.commops.gateway.support.StubServices;

/** The gateway's own endpoints and paths refuse as the API does: with a problem, never an empty or HTML answer. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class OwnEndpointProblemsTest {

    @Test
    void aMethodAGatewayEndpointDoesNotTakeIsAProblem() {
        assertProblem(given().get("/auth/dev-token").then(), 405, "method-not-allowed");
        assertProblem(given().post("/auth/jwks.json").then(), 405, "method-not-allowed");
        assertProblem(given().delete("/openapi").then(), 405, "method-not-allowed");
    }

    @Test
    void aPathNobodyServesIsAProblem() {
        assertProblem(given().get("/auth/nothing").then(), 404, "not-found").body("instance", equalTo("/auth/nothing"));
        assertProblem(given().get("/nothing").then(), 404, "not-found");
        assertProblem(given().get("/q/nothing").then(), 404, "not-found");
    }

    @Test
    void aMediaTypeTheEndpointCannotAnswerIsAProblem() {
        assertProblem(given().accept("text/csv").get("/auth/jwks.json").then(), 406, "not-acceptable");
        assertProblem(given().accept("image/png").get("/openapi").then(), 406, "not-acceptable");
    }

    @Test
    void aBodyOfAnotherTypeIsAProblem() {
        assertProblem(given().contentType(ContentType.TEXT).body("national-admin").post("/auth/dev-token").then(),
                415, "unsupported-media-type");
    }

    @Test
    void aBodyOverTheOwnLimitIsAProblemDeclaredOrChunked() throws Exception {
        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + "x".repeat(100 * 1024) + "\"}").post("/auth/dev-token").then(),
                413, "payload-too-large");

        // A chunked body declares no length: it is read (within Quarkus' limit) and refused for what it holds.
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            chunks.append("1000\r\n").append(" ".repeat(0x1000)).append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        RawHttp.Reply reply = RawHttp.send(RestAssured.port, "POST /auth/dev-token HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                chunks.toString().getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.text().contains("application/problem+json"), reply.text());
    }

    @Test
    void anEmptyBodyIsAnsweredAtOnce() {
        assertProblem(given().contentType(ContentType.JSON).body("").post("/auth/dev-token").then(),
                400, "validation");
    }

    @Test
    void aFormatTheDocumentDoesNotComeInIsAProblem() {
        assertProblem(given().get("/openapi?format=maybe").then(), 400, "invalid-parameter")
                .body("errors[0].field", equalTo("format"));
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:" + slug))
                .body("status", equalTo(status));
    }
}
