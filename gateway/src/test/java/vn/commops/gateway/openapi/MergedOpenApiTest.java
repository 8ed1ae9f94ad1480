package vn.commops.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.StubServices;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
class MergedOpenApiTest {

    @Test
    void theMergedDocumentHasThePathsOfEveryServiceThatIsUp() throws IOException {
        String document = given().get("/openapi").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("openapi", startsWith("3."))
                .body("paths", hasKey("/openapi"))
                .body("paths", hasKey("/api/v1/org-units/{code}"))
                .body("paths", hasKey("/api/v1/activities"))
                .body("paths", hasKey("/api/v1/indicators"))
                .extract().asString();

        // Kept for `spectral lint` (see the README).
        Files.createDirectories(Path.of("target/openapi"));
        Files.writeString(Path.of("target/openapi/merged.json"), document, StandardCharsets.UTF_8);
    }

    @Test
    void theSharedProblemSchemaAppearsOnceBesideEachServicesOwn() {
        String document = given().get("/openapi").then().statusCode(200)
                .body("components.schemas.keySet()", hasItems("Problem", "ProblemFieldError", "PlanOrgUnit",
                        "ActivityRecord", "IndicatorDefinition"))
                .extract().asString();

        assertEquals(1, document.split("\"Problem\"\\s*:", -1).length - 1, "one Problem schema");
    }

    @Test
    void aServiceThatIsDownIsLeftOutAndNamed() {
        given().get("/openapi").then().statusCode(200)
                .body("x-commops-unavailable-services", equalTo(List.of("crisis")))
                .body("paths", not(hasKey(startsWith("/api/v1/feedback"))));
    }

    @Test
    void aPathTheGatewayRoutesElsewhereIsNotPublishedForTheService() {
        given().get("/openapi").then().statusCode(200)
                .body("paths", not(hasKey("/api/v1/activities/planned")));
    }

    @Test
    void theGatewayIsTheServerAndTellsWhatThePlatformIs() {
        given().get("/openapi").then().statusCode(200)
                .body("servers.size()", equalTo(1))
                .body("servers[0].url", startsWith("http://localhost:"))
                .body("info.title", equalTo("Communication operations platform API"))
                .body("tags.name", hasItems("Org units", "Activities", "Indicators"));
    }

    @Test
    void theDocumentIsAlsoServedAsYaml() {
        given().get("/openapi?format=yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("openapi: 3.1.0"))
                .body(containsString("version: \"1.0\""))
                .body(containsString("/api/v1/org-units/{code}:"));
        given().get("/openapi.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("title: Communication operations platform API"));
    }

    @Test
    void theConsoleShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("url: '/openapi'"));
    }
}
