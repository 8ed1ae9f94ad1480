package vn.commops.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation the merged OpenAPI document lists, tried with no token, a forged one, the wrong
 * role and injection-shaped values: none gets in, none gets a 5xx. New endpoints join the matrix
 * by being documented.
 */
class SecurityMatrixIT {

    private static final String FORGED = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImZha2UifQ."
            + "eyJpc3MiOiJjb21tb3BzLWRldiIsInN1YiI6Im1hbGxvcnkiLCJncm91cHMiOlsibmF0aW9uYWwtYWRtaW4iXX0."
            + "c2lnbmF0dXJlLWJ5LW5vYm9keS10cnVzdGVk";
    private static final String INJECTION = "' OR '1'='1'; DROP TABLE activity; --<script>";
    private static Platform platform;
    private static List<Operation> operations;

    record Operation(Method method, String path, Set<String> roles) {
        String concretePath(String value) {
            return path.replaceAll("\\{[^}]+}", value.replace("/", "%2F"));
        }

        boolean writes() {
            return method != Method.GET;
        }
    }

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        RestAssured.baseURI = platform.gatewayUrl();
        operations = documentedOperations();
    }


    private static List<Operation> documentedOperations() throws Exception {
        JsonNode document = new ObjectMapper().readTree(RestAssured.get("/openapi").asString());
        List<Operation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                Set<String> roles = new TreeSet<>();
                method.getValue().path("x-roles").forEach(role -> roles.add(role.asText()));
                found.add(new Operation(Method.valueOf(method.getKey().toUpperCase()), path.getKey(), roles));
            }
        }
        assertTrue(found.size() >= 9, "the merged document lists too few operations: " + found);
        return found;
    }

    private static Response call(RequestSpecification request, Operation operation, String pathValue) {
        if (operation.writes()) {
            request = request.contentType(ContentType.JSON).body("{\"title\":\"" + INJECTION + "\"}");
        }
        return request.request(operation.method(), operation.concretePath(pathValue));
    }

    private static RequestSpecification as(String username) {
        String token = RestAssured.given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\"}").post("/auth/dev-token")
                .then().statusCode(200).extract().path("access_token");
        return RestAssured.given().auth().oauth2(token);
    }

    @Test
    void noOperationLetsInACallerWithoutAValidToken() {
        for (Operation operation : operations) {
            call(RestAssured.given(), operation, "LC").then().statusCode(401)
                    .contentType("application/problem+json");
            call(RestAssured.given().auth().oauth2(FORGED), operation, "LC").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void everyOperationRefusesTheRolesItDoesNotName() {
        Map<String, String> demoUserOfRole = Map.of("viewer", "viewer", "partner", "post-office",
                "crisis-analyst", "crisis-analyst", "unit-officer", "lc-officer");
        for (Operation operation : operations) {
            demoUserOfRole.forEach((role, user) -> {
                if (!operation.roles().isEmpty() && !operation.roles().contains(role)) {
                    call(as(user), operation, "LC").then()
                            .statusCode(equalTo(403))
                            .contentType("application/problem+json");
                }
            });
        }
    }

    @Test
    void injectionShapedValuesNeverCauseA5xx() {
        String admin = adminToken();
        for (Operation operation : operations) {
            // A fresh request each time: a RestAssured specification keeps the query parameters added to it.
            call(RestAssured.given().auth().oauth2(admin), operation, INJECTION).then().statusCode(lessThan(500));
            if (!operation.writes()) {
                RestAssured.given().auth().oauth2(admin).queryParam("q", INJECTION).queryParam("orgUnit", INJECTION).queryParam("sort", INJECTION)
                        .queryParam("period", INJECTION)
                        .request(operation.method(), operation.concretePath("LC"))
                        .then().statusCode(lessThan(500));
            }
        }
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnyService() throws Exception {
        URI gateway = URI.create(platform.gatewayUrl());
        for (Operation operation : operations) {
            if (operation.writes()) {
                // Only the head is sent: the declared length alone must earn the 413, before any service is asked.
                String head = operation.method().name() + " " + operation.concretePath("LC") + " HTTP/1.1\r\n"
                        + "Host: " + gateway.getHost() + "\r\nAuthorization: Bearer " + adminToken() + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 60000000\r\n\r\n";
                try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.US_ASCII)).readLine();
                    assertTrue(status != null && status.contains(" 413 "), operation + " answered " + status);
                }
            }
        }
    }

    private static String adminToken() {
        return RestAssured.given().contentType(ContentType.JSON).body("{\"username\":\"national-admin\"}")
                .post("/auth/dev-token").then().statusCode(200).extract().path("access_token");
    }
}
